import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-model-private-registry";

describeSettingsPolicy(policy);
