import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-instance-ebs-cmk";

describeSettingsPolicy(policy);
