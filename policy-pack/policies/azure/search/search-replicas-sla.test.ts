import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./search-replicas-sla";

describeSettingsPolicy(policy);
