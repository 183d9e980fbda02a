import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./bedrock-guardrail-kms-cmk";

describeSettingsPolicy(policy);
