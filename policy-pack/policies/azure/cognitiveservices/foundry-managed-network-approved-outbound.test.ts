import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./foundry-managed-network-approved-outbound";

describeSettingsPolicy(policy);
