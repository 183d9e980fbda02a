import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-account-local-auth-disabled";

describeSettingsPolicy(policy);
