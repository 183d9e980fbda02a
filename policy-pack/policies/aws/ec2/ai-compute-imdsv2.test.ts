import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-compute-imdsv2";

describeSettingsPolicy(policy);
