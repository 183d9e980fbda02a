import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-aks-local-accounts-disabled";

describeSettingsPolicy(policy);
