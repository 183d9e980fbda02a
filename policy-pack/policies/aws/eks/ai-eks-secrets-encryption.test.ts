import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-eks-secrets-encryption";

describeSettingsPolicy(policy);
