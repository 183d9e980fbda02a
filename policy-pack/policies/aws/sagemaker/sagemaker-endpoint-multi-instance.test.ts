import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-endpoint-multi-instance";

describeSettingsPolicy(policy);
