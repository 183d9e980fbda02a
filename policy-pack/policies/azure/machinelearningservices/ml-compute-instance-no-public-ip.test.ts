import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-compute-instance-no-public-ip";

describeSettingsPolicy(policy);
