import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-aks-managed-identity";

describeSettingsPolicy(policy);
