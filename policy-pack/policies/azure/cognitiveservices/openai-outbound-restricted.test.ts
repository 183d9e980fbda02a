import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./openai-outbound-restricted";

describeSettingsPolicy(policy);
