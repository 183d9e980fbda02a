import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-kb-data-source-kms-cmk";

describeSettingsPolicy(policy);
