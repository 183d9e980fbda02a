import type { PolicyDefinition } from "../../../core/definition";
import aiLambdaUrlAuth from "./ai-lambda-url-auth";

export const lambdaPolicies: readonly PolicyDefinition[] = [aiLambdaUrlAuth];
