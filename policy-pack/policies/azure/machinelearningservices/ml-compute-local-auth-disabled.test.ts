import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-compute-local-auth-disabled";

describeSettingsPolicy(policy);
