import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-flow-kms-cmk";

describeSettingsPolicy(policy);
