// Secrets placed in plain AI configuration: environment variables and app settings of models,
// containers and front-door functions. Only the kind of secret and the variable's name are ever
// reported; the value never leaves this module.

import { isUnknownSentinel, unknownSentinels } from "../core/values";

/** Names that say the value is a credential: `OPENAI_API_KEY`, `HF_TOKEN`, `DB_PASSWORD`, `AZURE_OPENAI_KEY`. */
const keyLikeName =
    /(?:api[_-]?key|access[_-]?key|secret|token|passw(?:or)?d|pwd|credential|private[_-]?key|conn(?:ection)?[_-]?string|(?:^|[_-])key$|^key$)/i;

export function isKeyLikeName(name: string): boolean {
    return keyLikeName.test(name);
}

/** Known token formats, most specific first; each is found anywhere in the value. */
const tokenFormats: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
    { kind: "a Hugging Face token (hf_)", pattern: /\bhf_[A-Za-z0-9]{30,}/ },
    { kind: "an OpenAI project key (sk-proj-)", pattern: /\bsk-proj-[A-Za-z0-9_-]{20,}/ },
    { kind: "an Anthropic API key (sk-ant-)", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/ },
    { kind: "an API key of the sk- format", pattern: /\bsk-[A-Za-z0-9]{20,}/ },
    { kind: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { kind: "an Azure storage account key in a connection string", pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/i },
    { kind: "a private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
];

/** Values that point to a secret store instead of holding the secret. */
const reference =
    /^(?:@Microsoft\.KeyVault\(|arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|\{\{resolve:|https?:\/\/|\$\{|secretref:)/i;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
    const counts = new Map<string, number>();
    for (const c of text) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

/** At least this long and this random (bits per character) to pass for a generated key. */
const minSecretLength = 20;
const minEntropy = 3.5;

/**
 * What kind of plaintext secret `value` of variable `name` holds, or undefined. `secrets` are the
 * resource's values the program marked secret: one copied into plain configuration is plaintext.
 */
export function plaintextSecretKind(name: string, value: string, secrets: ReadonlySet<string>): string | undefined {
    const v = value.trim();
    if (v === "" || reference.test(v)) {
        return undefined;
    }
    if (secrets.has(value)) {
        return "a Pulumi secret copied into plain configuration";
    }
    const token = tokenFormats.find((f) => f.pattern.test(v));
    if (token) {
        return token.kind;
    }
    if (!isKeyLikeName(name)) {
        return undefined;
    }
    if (/^[0-9a-f]{32}$/i.test(v)) {
        return "an Azure key (32 hexadecimal characters)";
    }
    if (v.length >= minSecretLength && !/\s/.test(v) && entropy(v) >= minEntropy) {
        return "a high-entropy value";
    }
    return undefined;
}

/** One variable of a resource's configuration, as the program set it. */
export interface ConfigVariable {
    /** Where it is, as users write it: `environment.variables.HF_TOKEN`. */
    readonly setting: string;
    readonly name: string;
    /** The value; `undefined` when unknown during preview. */
    readonly value: string | undefined;
}

/** Whether a string holds a value unknown during preview (whole, or spliced into it). */
export function holdsUnknown(value: string): boolean {
    return isUnknownSentinel(value) || [...unknownSentinels].some((s) => value.includes(s));
}
