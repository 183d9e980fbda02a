import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-browser-recording";

describeSettingsPolicy(policy);
