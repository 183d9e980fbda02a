import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-online-deployment-data-collection";

describeSettingsPolicy(policy);
