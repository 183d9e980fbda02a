import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding } from "../../../core/definition";
import { describe } from "../../../core/values";

const keyType = "aws:kms/key:Key";
const defaultMinWindow = 30;

interface Config {
    readonly minDeletionWindowDays?: number;
}

export default defineStackPolicy<Config>({
    id: "ai-kms-key-hygiene",
    cloud: "aws",
    resourceTypes: [keyType],
    area: "model-storage",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "KMS keys of the AI system rotate automatically and have a deletion window of at least the configured number of days.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-12"],
            supports: ["SC-12(1)"],
            why: "AI keys rotate automatically and keep a minimum deletion window, two key-management settings.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "Keys that protect AI data stay available and are rotated.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: key rotation and protected deletion are part of key management.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_7" },
        { tool: "trivy", id: "AWS-0065" },
        { tool: "prowler", id: "kms_cmk_rotation_enabled" },
    ],
    remediation: [
        "Set enableKeyRotation to true on KMS keys that protect AI data, models and logs.",
        "Set deletionWindowInDays to at least the configured minimum (default 30), so an accidental or malicious deletion can be cancelled before the data becomes unreadable.",
    ],
    notes: [
        "A key counts as AI when the classification says so: tagged as AI, or referenced by an AI resource (a notebook's kmsKeyId, an endpoint configuration's kmsKeyArn, a Bedrock agent's customerEncryptionKeyArn and so on). Business-tagged keys are not checked.",
        "enableKeyRotation defaults to false, so an unset value fails. deletionWindowInDays defaults to 30; the minimum is the config property minDeletionWindowDays (default 30, AWS allows 7-30).",
        "Asymmetric and HMAC keys cannot rotate automatically; keys whose customerMasterKeySpec is not SYMMETRIC_DEFAULT are exempt from the rotation rule. Values unknown during preview leave the verdict to pulumi up.",
        "The key policy is judged by ai-kms-key-policy-not-public.",
    ],
    configSchema: {
        properties: {
            minDeletionWindowDays: {
                type: "integer",
                minimum: 7,
                maximum: 30,
                default: defaultMinWindow,
                description: "Fewest days between scheduling the deletion of an AI key and its deletion.",
            },
        },
    },
    validate(check) {
        const min =
            typeof check.config.minDeletionWindowDays === "number"
                ? check.config.minDeletionWindowDays
                : defaultMinWindow;
        for (const key of check.resources) {
            if (key.type !== keyType || !check.classification.isAi(key)) {
                continue;
            }
            const why = check.classification.reason(key);
            const where = why ? ` (the key is in the AI system: ${why})` : "";
            const findings: Finding[] = [];
            let unknown: string | undefined;
            const spec = key.get("customerMasterKeySpec");
            const symmetric =
                spec.state === "missing" ||
                (spec.state === "known" &&
                    typeof spec.value === "string" &&
                    spec.value.toUpperCase() === "SYMMETRIC_DEFAULT");
            if (spec.state === "unknown" && key.setByProgram("customerMasterKeySpec") !== false) {
                unknown = "customerMasterKeySpec";
            } else if (symmetric || spec.state === "unknown") {
                const rotation = key.get("enableKeyRotation");
                if (rotation.state === "unknown" && key.setByProgram("enableKeyRotation") !== false) {
                    unknown ??= "enableKeyRotation";
                } else if (!(rotation.state === "known" && rotation.value === true)) {
                    findings.push({
                        setting: "enableKeyRotation",
                        found: `${rotation.state === "known" ? describe(rotation) : "not set (provider default false)"}${where}`,
                        expected: "true",
                    });
                }
            }
            const window = key.get("deletionWindowInDays");
            if (window.state === "unknown") {
                if (key.setByProgram("deletionWindowInDays") !== false) {
                    unknown ??= "deletionWindowInDays";
                }
            } else if (window.state === "known" && !(typeof window.value === "number" && window.value >= min)) {
                findings.push({
                    setting: "deletionWindowInDays",
                    found: `${describe(window)}${where}`,
                    expected: `at least ${min}`,
                });
            }
            for (const f of findings) {
                check.fail(key, f);
            }
            if (findings.length === 0 && unknown) {
                check.undecided(key, unknown);
            }
        }
    },
});
