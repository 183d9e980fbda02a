import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-memory-kms-cmk";

describeSettingsPolicy(policy);
