import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-notebook-kms-cmk";

describeSettingsPolicy(policy);
