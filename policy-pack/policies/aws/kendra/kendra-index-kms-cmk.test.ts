import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./kendra-index-kms-cmk";

describeSettingsPolicy(policy);
