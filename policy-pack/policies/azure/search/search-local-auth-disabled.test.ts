import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./search-local-auth-disabled";

describeSettingsPolicy(policy);
