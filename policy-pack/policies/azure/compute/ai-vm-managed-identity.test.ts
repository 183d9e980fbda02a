import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-vm-managed-identity";

describeSettingsPolicy(policy);
