import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-container-registry-no-shared-access";

// Every case of the shared test is an AI-tagged registry; scoping is tested with ai-container-registry-network-restricted.
describeSettingsPolicy(policy as never);
