import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-agent-kms-cmk";

describeSettingsPolicy(policy);
