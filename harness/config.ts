// The engine's policy-config reconciliation (ReconcilePolicyPackConfig): one entry per policy with
// its enforcement level and schema defaults, overlaid by the pack's initial config and then the
// user's config file, each policy's properties validated against its schema. The pack itself
// neither applies defaults nor validates, so without this step policies see only what is sent.

import Ajv, { type ValidateFunction } from "ajv";
import { InputError } from "./errors";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const enforcementLevels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicySchemaInfo {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly configSchema?: { properties: Record<string, unknown>; required?: readonly string[] };
}

export interface ReconciledPolicyConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

/** A config file's content: policy name (or `all`) to a level, or an object with a level and properties. */
export type PolicyConfigFile = Record<string, unknown>;

function isLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (enforcementLevels as readonly string[]).includes(v);
}

function levelsText(): string {
    return enforcementLevels.map((l) => `"${l}"`).join(", ");
}

function overlay(
    target: Map<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>,
    source: PolicyConfigFile,
    origin: string,
): void {
    const all = source.all;
    if (all !== undefined) {
        if (!isLevel(all)) {
            throw new InputError(origin, `"all" must be one of ${levelsText()}`);
        }
        for (const entry of target.values()) {
            entry.enforcementLevel = all;
        }
    }
    for (const [name, value] of Object.entries(source)) {
        if (name === "all") {
            continue;
        }
        const entry = target.get(name);
        if (!entry) {
            throw new InputError(origin, `config names policy '${name}', which is not in the pack`);
        }
        if (typeof value === "string") {
            if (!isLevel(value)) {
                throw new InputError(origin, `policy '${name}': enforcement level must be one of ${levelsText()}`);
            }
            entry.enforcementLevel = value;
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined) {
                if (!isLevel(enforcementLevel)) {
                    throw new InputError(origin, `policy '${name}': enforcementLevel must be one of ${levelsText()}`);
                }
                entry.enforcementLevel = enforcementLevel;
            }
            Object.assign(entry.properties, properties);
        } else {
            throw new InputError(origin, `policy '${name}': expected an enforcement level or an object`);
        }
    }
}

// Compiling a schema costs far more than validating with it, and a session reconciles the same
// schemas on every run: each distinct schema is compiled once per process.
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

function configValidator(schema: Record<string, unknown>): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (!validate) {
        validate = ajv.compile(schema);
        validators.set(key, validate);
    }
    return validate;
}

export function reconcilePolicyConfig(
    policies: readonly PolicySchemaInfo[],
    initialConfig: PolicyConfigFile,
    userConfig: PolicyConfigFile | undefined,
    userConfigOrigin = "policy config",
): Map<string, ReconciledPolicyConfig> {
    const result = new Map<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (schema && typeof schema === "object" && "default" in schema) {
                properties[key] = structuredClone((schema as { default: unknown }).default);
            }
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties });
    }
    overlay(result, initialConfig, "policy pack initial config");
    if (userConfig) {
        overlay(result, userConfig, userConfigOrigin);
    }

    for (const p of policies) {
        const entry = result.get(p.name);
        if (!entry || !p.configSchema) {
            continue;
        }
        const validate = configValidator({
            type: "object",
            properties: p.configSchema.properties,
            ...(p.configSchema.required ? { required: [...p.configSchema.required] } : {}),
        });
        if (!validate(entry.properties)) {
            const problems = (validate.errors ?? [])
                .map((e) => `${e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "config"} ${e.message}`)
                .join("; ");
            throw new InputError(userConfigOrigin, `policy '${p.name}': ${problems}`);
        }
    }
    return result;
}
