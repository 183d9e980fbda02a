import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-data-quality-job-network-isolation";

describeSettingsPolicy(policy);
