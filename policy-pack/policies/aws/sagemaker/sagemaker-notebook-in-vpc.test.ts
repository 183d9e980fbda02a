import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-notebook-in-vpc";

describeSettingsPolicy(policy);
