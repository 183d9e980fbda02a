import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-serverless-content-safety";

describeSettingsPolicy(policy);
