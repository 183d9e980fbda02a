import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-training-job-inter-container-encryption";

describeSettingsPolicy(policy);
