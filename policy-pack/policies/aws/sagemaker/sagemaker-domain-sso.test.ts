import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-domain-sso";

describeSettingsPolicy(policy);
