import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-training-isolation";

describeSettingsPolicy(policy);
