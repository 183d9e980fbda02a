import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-domain-vpc-only";

describeSettingsPolicy(policy);
