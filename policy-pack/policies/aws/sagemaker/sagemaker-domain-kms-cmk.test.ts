import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-domain-kms-cmk";

describeSettingsPolicy(policy);
