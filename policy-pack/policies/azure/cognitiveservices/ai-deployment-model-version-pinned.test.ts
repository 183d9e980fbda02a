import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-deployment-model-version-pinned";

describeSettingsPolicy(policy);
