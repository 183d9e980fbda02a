import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-code-interpreter-vpc";

describeSettingsPolicy(policy);
