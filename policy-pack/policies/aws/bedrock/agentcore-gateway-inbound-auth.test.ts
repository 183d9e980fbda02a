import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./agentcore-gateway-inbound-auth";

describeSettingsPolicy(policy);
