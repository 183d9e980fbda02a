import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-custom-model-kms-cmk";

describeSettingsPolicy(policy);
