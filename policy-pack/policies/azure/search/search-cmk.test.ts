import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./search-cmk";

describeSettingsPolicy(policy);
