import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-browser-vpc";

describeSettingsPolicy(policy);
