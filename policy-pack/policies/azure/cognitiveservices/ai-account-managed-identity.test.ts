import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-account-managed-identity";

describeSettingsPolicy(policy);
