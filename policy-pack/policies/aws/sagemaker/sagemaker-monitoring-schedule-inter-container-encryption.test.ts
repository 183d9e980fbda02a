import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-monitoring-schedule-inter-container-encryption";

describeSettingsPolicy(policy);
