import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-online-deployment-egress-disabled";

describeSettingsPolicy(policy);
