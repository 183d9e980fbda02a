import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./comprehend-entity-recognizer-kms-cmk";

describeSettingsPolicy(policy);
