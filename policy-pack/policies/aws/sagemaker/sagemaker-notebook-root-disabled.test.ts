import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-notebook-root-disabled";

describeSettingsPolicy(policy);
