import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-monitoring-schedule-kms";

describeSettingsPolicy(policy);
