import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./model-image-repo-immutable-tags";

describeSettingsPolicy(policy);
