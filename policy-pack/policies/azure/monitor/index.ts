import type { PolicyDefinition } from "../../../core/definition";
import aiDiagnosticSettings from "./ai-diagnostic-settings";

export const monitorPolicies: readonly PolicyDefinition[] = [aiDiagnosticSettings];
