import type { PolicyDefinition } from "../../../core/definition";
import cloudtrailBedrockEvents from "./cloudtrail-bedrock-events";

export const cloudtrailPolicies: readonly PolicyDefinition[] = [cloudtrailBedrockEvents];
