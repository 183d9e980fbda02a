import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-model-in-vpc";

describeSettingsPolicy(policy);
