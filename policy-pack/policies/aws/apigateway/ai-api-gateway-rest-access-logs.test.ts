import { modelRestApi } from "../../../../tests/support/scopes";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-api-gateway-rest-access-logs";

describeSettingsPolicy(policy, modelRestApi);
