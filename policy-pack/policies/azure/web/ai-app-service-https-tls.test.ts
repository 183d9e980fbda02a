import { openAiFrontDoor } from "../../../../tests/support/scopes";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-app-service-https-tls";

// The cases are apps whose settings reference an Azure OpenAI account: front doors, not tagged.
describeSettingsPolicy(policy as never, openAiFrontDoor);
