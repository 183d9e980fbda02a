import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./model-image-repo-kms";

describeSettingsPolicy(policy);
