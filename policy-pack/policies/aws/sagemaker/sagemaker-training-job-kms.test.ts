import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-training-job-kms";

describeSettingsPolicy(policy);
