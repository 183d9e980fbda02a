import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-launch-template-no-public-ip";

describeSettingsPolicy(policy);
