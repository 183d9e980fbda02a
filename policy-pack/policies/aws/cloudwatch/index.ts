import type { PolicyDefinition } from "../../../core/definition";
import aiLogGroupProtected from "./ai-log-group-protected";

export const cloudwatchPolicies: readonly PolicyDefinition[] = [aiLogGroupProtected];
