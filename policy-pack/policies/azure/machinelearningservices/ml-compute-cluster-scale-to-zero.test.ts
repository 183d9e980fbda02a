import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-compute-cluster-scale-to-zero";

describeSettingsPolicy(policy);
