import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-runtime-vpc";

describeSettingsPolicy(policy);
