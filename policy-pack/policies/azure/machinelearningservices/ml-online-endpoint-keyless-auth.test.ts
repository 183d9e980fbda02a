import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-online-endpoint-keyless-auth";

describeSettingsPolicy(policy);
