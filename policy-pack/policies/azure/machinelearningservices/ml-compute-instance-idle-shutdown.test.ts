import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-compute-instance-idle-shutdown";

describeSettingsPolicy(policy);
