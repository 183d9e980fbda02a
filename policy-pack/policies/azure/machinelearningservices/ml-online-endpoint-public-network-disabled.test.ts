import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-online-endpoint-public-network-disabled";

describeSettingsPolicy(policy);
