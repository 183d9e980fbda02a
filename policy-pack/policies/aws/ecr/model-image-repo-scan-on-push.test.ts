import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./model-image-repo-scan-on-push";

describeSettingsPolicy(policy);
