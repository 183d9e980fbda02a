import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-gateway-kms-cmk";

describeSettingsPolicy(policy);
