import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-key-vault-rbac-authorization";

// Every case of the shared test is an AI-tagged vault; scoping is tested with ai-key-vault-network-restricted.
describeSettingsPolicy(policy as never);
