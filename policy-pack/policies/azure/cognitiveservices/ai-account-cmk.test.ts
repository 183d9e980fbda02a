import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-account-cmk";

describeSettingsPolicy(policy);
