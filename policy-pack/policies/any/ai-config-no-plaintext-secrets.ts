import { cite } from "../../core/citations";
import { defineStackPolicy, type StackCheck, type StackResource } from "../../core/definition";
import { displayPath } from "../../core/settings";
import { isUnknownSentinel } from "../../core/values";
import { type ConfigVariable, holdsUnknown, isKeyLikeName, plaintextSecretKind } from "../../shared/plaintext-secrets";

/** Variables of one resource, and the path of a whole collection unknown during preview. */
interface Variables {
    readonly list: ConfigVariable[];
    unknown?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function stringOrUnknown(v: unknown): string | undefined | null {
    if (isUnknownSentinel(v)) {
        return undefined;
    }
    if (typeof v === "string") {
        return holdsUnknown(v) ? undefined : v;
    }
    return null;
}

/** A map of name to value (`environment.variables`, `primaryContainer.environment`). */
function fromMap(r: StackResource, path: string, out: Variables): void {
    const v = r.get(path);
    if (v.state === "unknown") {
        if (r.setByProgram(path.split(".")[0] as string) !== false) {
            out.unknown ??= path;
        }
        return;
    }
    if (v.state !== "known" || !isObject(v.value)) {
        return;
    }
    for (const [name, raw] of Object.entries(v.value)) {
        const value = stringOrUnknown(raw);
        if (value !== null) {
            out.list.push({ setting: `${displayPath(path)}.${name}`, name, value });
        }
    }
}

/** A list of `{ name, value }` entries (`siteConfig.appSettings`, a container's `env`). */
function fromPairs(items: unknown, path: string, out: Variables): void {
    if (isUnknownSentinel(items)) {
        out.unknown ??= path;
        return;
    }
    if (!Array.isArray(items)) {
        return;
    }
    items.forEach((item, i) => {
        if (!isObject(item) || typeof item.name !== "string") {
            return;
        }
        const value = stringOrUnknown(item.value);
        if (value !== null) {
            out.list.push({ setting: `${path}[${i}].value (${item.name})`, name: item.name, value });
        }
    });
}

function fromList(
    r: StackResource,
    listPath: string,
    each: (item: unknown, at: string, out: Variables) => void,
    out: Variables,
): void {
    const v = r.get(listPath);
    if (v.state === "unknown") {
        if (r.setByProgram(listPath.split(".")[0] as string) !== false) {
            out.unknown ??= listPath;
        }
        return;
    }
    if (v.state === "known" && Array.isArray(v.value)) {
        for (const [i, item] of v.value.entries()) {
            each(item, `${listPath}[${i}]`, out);
        }
    }
}

/** ECS container definitions: a JSON string whose containers carry `environment: [{ name, value }]`. */
function fromContainerDefinitions(r: StackResource, out: Variables): void {
    const v = r.get("containerDefinitions");
    if (v.state === "unknown" || (v.state === "known" && typeof v.value === "string" && holdsUnknown(v.value))) {
        out.unknown ??= "containerDefinitions";
        return;
    }
    if (v.state !== "known" || typeof v.value !== "string") {
        return;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(v.value);
    } catch {
        return;
    }
    if (Array.isArray(parsed)) {
        parsed.forEach((c, i) => {
            if (isObject(c)) {
                fromPairs(c.environment, `containerDefinitions[${i}].environment`, out);
            }
        });
    }
}

/** Where each type keeps its plain configuration. */
const readers: Readonly<Record<string, (r: StackResource, out: Variables) => void>> = {
    "aws:sagemaker/model:Model": (r, out) => {
        fromMap(r, "primaryContainer.environment", out);
        const containers = r.get("containers");
        if (containers.state === "known" && Array.isArray(containers.value)) {
            containers.value.forEach((_, i) => {
                fromMap(r, `containers.${i}.environment`, out);
            });
        }
    },
    "aws:lambda/function:Function": (r, out) => fromMap(r, "environment.variables", out),
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": (r, out) => fromMap(r, "environmentVariables", out),
    "aws:ecs/taskDefinition:TaskDefinition": fromContainerDefinitions,
    "azure-native:web:WebApp": (r, out) => {
        const settings = r.get("siteConfig.appSettings");
        if (settings.state === "unknown") {
            out.unknown ??= "siteConfig.appSettings";
        } else if (settings.state === "known") {
            fromPairs(settings.value, "siteConfig.appSettings", out);
        }
    },
    "azure-native:web:WebAppApplicationSettings": (r, out) => fromMap(r, "properties", out),
    "azure-native:app:ContainerApp": (r, out) =>
        fromList(
            r,
            "template.containers",
            (c, at, o) => {
                if (isObject(c)) {
                    fromPairs(c.env, `${at}.env`, o);
                }
            },
            out,
        ),
};

function expectedFor(type: string): string {
    return type.startsWith("azure-native:")
        ? "a Key Vault reference (@Microsoft.KeyVault(...)) or a secretRef"
        : "a reference to AWS Secrets Manager or SSM Parameter Store, read at run time";
}

function judge(r: StackResource, check: StackCheck<unknown>): void {
    const read = readers[r.type];
    if (!read) {
        return;
    }
    const vars: Variables = { list: [] };
    read(r, vars);
    const secrets = r.secretValues?.() ?? new Set<string>();
    for (const v of vars.list) {
        if (v.value === undefined) {
            if (isKeyLikeName(v.name)) {
                check.undecided(r, v.setting);
            }
            continue;
        }
        const kind = plaintextSecretKind(v.name, v.value, secrets);
        if (kind) {
            check.fail(r, {
                setting: v.setting,
                found: `${kind} in plain text (value not shown)`,
                expected: expectedFor(r.type),
            });
        }
    }
    if (vars.unknown) {
        check.undecided(r, vars.unknown);
    }
}

export default defineStackPolicy({
    id: "ai-config-no-plaintext-secrets",
    cloud: "any",
    resourceTypes: Object.keys(readers),
    area: "identity",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Environment variables and app settings of models, agent runtimes and the compute that fronts them hold no plaintext secrets: no API keys, tokens or Pulumi secrets copied into plain configuration.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-5(7)"],
            why: "Configuration of the AI system is scanned for embedded static credentials such as model API keys and tokens.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "Keys in environment variables are readable by anyone who can describe the function, model or app.",
        },
        "iso-27001": {
            implements: ["A.5.17"],
            why: "Authentication information: secrets are kept out of plain configuration.",
        },
        "owasp-llm": {
            mitigates: ["LLM02"],
            why: "Model provider keys and tokens in plain configuration are sensitive information disclosed to every reader of it.",
        },
    }),
    peers: [
        { tool: "prowler", id: "awslambda_function_no_secrets_in_variables" },
        { tool: "prowler", id: "ecs_task_definitions_no_environment_secrets" },
    ],
    remediation: [
        "Rotate the credential: it is stored in the resource's configuration, readable by anyone who can describe it.",
        "On AWS, store it in Secrets Manager or SSM Parameter Store and read it at run time with the workload's role (ECS task definitions can use secrets[].valueFrom).",
        "On Azure, store it in Key Vault and use a Key Vault reference (@Microsoft.KeyVault(SecretUri=...)) as the app setting, or a Container Apps secret with keyVaultUrl and env[].secretRef; better, use the app's managed identity and no key at all.",
    ],
    notes: [
        "Judged on resources of the AI system: SageMaker models (primaryContainer.environment, containers[].environment), AgentCore runtimes (environmentVariables), and front doors, that is Lambda functions (environment.variables), ECS task definitions (containerDefinitions[].environment), App Service and Function apps (siteConfig.appSettings, WebAppApplicationSettings.properties) and Container Apps (template.containers[].env) whose configuration references an AI resource.",
        "A value counts as a plaintext secret when it is a Pulumi secret copied into plain configuration, when it has a known token format (hf_, sk-, sk-proj-, sk-ant-, AKIA or ASIA access key ids, an AccountKey in a connection string, a private key), or, under a key-like name (…KEY, …TOKEN, …SECRET, …PASSWORD), when it is 32 hexadecimal characters (an Azure key) or at least 20 characters of high entropy. Key Vault references, Secrets Manager and SSM ARNs and URLs pass.",
        "Only the variable's name and the kind of secret are reported; the value is never printed. A value unknown during preview under a key-like name (usually another resource's key, such as listKeys output) leaves the verdict to pulumi up.",
        "Notebook lifecycle scripts are judged by sagemaker-notebook-lifecycle-no-secrets.",
    ],
    validate(check) {
        for (const r of check.resources) {
            if (check.classification.isAi(r)) {
                judge(r, check);
            }
        }
    },
});
