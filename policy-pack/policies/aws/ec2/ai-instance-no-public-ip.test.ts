import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-instance-no-public-ip";

describeSettingsPolicy(policy);
