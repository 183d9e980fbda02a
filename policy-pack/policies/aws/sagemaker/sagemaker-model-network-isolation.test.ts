import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-model-network-isolation";

describeSettingsPolicy(policy);
