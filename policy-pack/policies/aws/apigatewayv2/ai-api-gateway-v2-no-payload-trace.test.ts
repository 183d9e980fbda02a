import { modelHttpApi } from "../../../../tests/support/scopes";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-api-gateway-v2-no-payload-trace";

describeSettingsPolicy(policy, modelHttpApi);
