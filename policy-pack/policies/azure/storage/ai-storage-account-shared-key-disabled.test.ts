import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-storage-account-shared-key-disabled";

// Every case of the shared test is an AI-tagged account; scoping is tested with ai-storage-account-no-public-blob-access.
describeSettingsPolicy(policy as never);
