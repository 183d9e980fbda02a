import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./comprehend-document-classifier-kms-cmk";

describeSettingsPolicy(policy);
