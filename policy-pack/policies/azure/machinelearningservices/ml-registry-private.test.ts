import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-registry-private";

describeSettingsPolicy(policy);
