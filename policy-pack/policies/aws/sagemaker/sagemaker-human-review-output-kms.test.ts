import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-human-review-output-kms";

describeSettingsPolicy(policy);
