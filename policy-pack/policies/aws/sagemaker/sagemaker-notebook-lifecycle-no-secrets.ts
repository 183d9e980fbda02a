import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";

/** Kinds of embedded credentials, each with a pattern; only the kind is ever reported. */
const detectors: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
    { kind: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    {
        kind: "an AWS secret access key",
        pattern: /aws_?secret_?access_?key["']?\s*[=:]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i,
    },
    { kind: "a private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
    {
        kind: "a hard-coded password or API key",
        pattern:
            /(?:password|passwd|api[_-]?key|client[_-]?secret|secret[_-]?key)["']?\s*[=:]\s*["']?(?![$"'`\s{])[^\s"'`;&|]{4,}/i,
    },
];

/** Script text as SageMaker runs it: base64-decoded; undecodable input is scanned as it is. */
function scriptText(value: string): string {
    const compact = value.replace(/\s+/g, "");
    if (compact.length > 0 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
        return Buffer.from(compact, "base64").toString("utf8");
    }
    return value;
}

export function secretKinds(script: string): string[] {
    const text = scriptText(script);
    return detectors.filter((d) => d.pattern.test(text) || d.pattern.test(script)).map((d) => d.kind);
}

export default defineResourcePolicy({
    id: "sagemaker-notebook-lifecycle-no-secrets",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration"],
    area: "identity",
    layer: "paas",
    severity: "high",
    enforcementLevel: "advisory",
    description:
        "SageMaker notebook lifecycle configuration scripts contain no embedded credentials such as AWS access keys, private keys or passwords.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-5(7)"],
            why: "Lifecycle scripts are scanned for embedded static credentials such as access keys, private keys and passwords.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "Credentials written into a lifecycle script are readable to anyone who can describe the configuration.",
        },
        "iso-27001": {
            implements: ["A.5.17"],
            why: "Authentication information: secrets are kept out of configuration scripts.",
        },
    }),
    peers: [{ tool: "prowler", id: "sagemaker_notebook_instance_no_secrets" }],
    remediation: [
        "Remove the credential from onCreate/onStart and rotate it: it is stored in the lifecycle configuration and readable by anyone who can describe it.",
        "Give the notebook role the permissions it needs, or read secrets at run time from AWS Secrets Manager or SSM Parameter Store.",
    ],
    notes: [
        "The scripts are base64-decoded (a value that is not base64 is scanned as it is) and matched against patterns for AWS access key ids (AKIA/ASIA), AWS secret access key assignments, PEM private keys and assignments to password, api_key, client_secret or secret_key with a literal value. Values that start with $ (a variable or a command substitution) or are empty are not reported.",
        "Pattern matching misses credentials of other shapes and can flag test values, hence advisory. Messages name only the kind of credential, never the matched text.",
        "A script that is unknown during preview is scanned at pulumi up.",
    ],
    validate(lifecycle, check) {
        let failed = false;
        const unknown: string[] = [];
        for (const setting of ["onCreate", "onStart"]) {
            const script = lifecycle.get(setting);
            if (script.state === "unknown") {
                unknown.push(setting);
                continue;
            }
            if (script.state !== "known" || typeof script.value !== "string") {
                continue;
            }
            const kinds = secretKinds(script.value);
            if (kinds.length > 0) {
                failed = true;
                check.fail({
                    setting,
                    found: `a script that embeds ${kinds.join(" and ")}`,
                    expected:
                        "no credentials in the script; read them at run time from Secrets Manager or the notebook role",
                });
            }
        }
        if (!failed && unknown[0] !== undefined) {
            check.undecided(unknown[0]);
        }
    },
});
