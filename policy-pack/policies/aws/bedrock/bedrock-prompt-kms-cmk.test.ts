import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-prompt-kms-cmk";

describeSettingsPolicy(policy);
