import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-notebook-imdsv2";

describeSettingsPolicy(policy);
