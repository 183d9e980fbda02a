import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-compute-cluster-no-public-ip";

describeSettingsPolicy(policy);
