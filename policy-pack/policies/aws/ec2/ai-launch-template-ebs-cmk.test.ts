import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-launch-template-ebs-cmk";

describeSettingsPolicy(policy);
