import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./search-public-network-disabled";

describeSettingsPolicy(policy);
