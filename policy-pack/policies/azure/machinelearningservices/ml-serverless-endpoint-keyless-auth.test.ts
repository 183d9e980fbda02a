import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-serverless-endpoint-keyless-auth";

describeSettingsPolicy(policy);
