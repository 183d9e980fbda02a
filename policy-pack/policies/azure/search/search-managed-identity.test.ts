import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./search-managed-identity";

describeSettingsPolicy(policy);
