import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-data-quality-job-inter-container-encryption";

describeSettingsPolicy(policy);
