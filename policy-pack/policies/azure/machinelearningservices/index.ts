import type { PolicyDefinition } from "../../../core/definition";
import mlWorkspaceCmk from "./ml-workspace-cmk";

export const machinelearningservicesPolicies: readonly PolicyDefinition[] = [mlWorkspaceCmk];
