import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { allowsPublicPrincipal, parsePolicy } from "../../../shared/iam-policy";

const keyType = "aws:kms/key:Key";

export default defineStackPolicy({
    id: "ai-kms-key-policy-not-public",
    cloud: "aws",
    resourceTypes: [keyType],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'Key policies of AI KMS keys allow nothing to the principal "*" unless a condition ties the caller to an account, organization or VPC endpoint.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3"],
            supports: ["SC-12"],
            why: "The key policy grants nothing to the public principal without a condition tying it to the account, organization or VPC endpoint.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035"],
            why: "An open key policy would let anyone decrypt AI data encrypted under the key.",
        },
        "iso-27001": {
            supports: ["A.8.24", "A.5.15"],
            why: "Cryptographic keys are access-controlled like the data they protect.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_33" },
        { tool: "prowler", id: "kms_key_not_publicly_accessible" },
    ],
    remediation: [
        'Replace Principal "*" in Allow statements of the key policy with the account root or the ARNs of the roles that use the key.',
        "If a wildcard principal is needed, add a condition on kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce.",
    ],
    notes: [
        "A key counts as AI when the classification says so (tagged as AI, or referenced by an AI resource); business-tagged keys are not checked. Without a policy, AWS applies the default key policy, which grants only the account and passes.",
        'Principal "*", {AWS: "*"} and NotPrincipal in an Allow count as public; a positive condition on kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceVpce, aws:SourceVpc, aws:SourceAccount or aws:SourceArn constrains it. An unknown value of such a key counts as constraining.',
        "A key policy that is unknown during preview (built over unknown ARNs) leaves the verdict to pulumi up; one the program never set is the default policy.",
    ],
    validate(check) {
        for (const key of check.resources) {
            if (key.type !== keyType || !check.classification.isAi(key)) {
                continue;
            }
            const doc = key.get("policy");
            if (doc.state === "unknown" && key.setByProgram("policy") === false) {
                continue;
            }
            const parsed = parsePolicy(doc);
            if (parsed.state === "unknown") {
                check.undecided(key, "policy");
                continue;
            }
            if (parsed.state !== "parsed") {
                continue;
            }
            const why = check.classification.reason(key);
            let failed = false;
            let pending: string | undefined;
            for (const s of parsed.statements) {
                const pub = allowsPublicPrincipal(s);
                if (pub === true) {
                    failed = true;
                    check.fail(key, {
                        setting: `policy Statement[${s.index}]`,
                        found: `an Allow to any principal without a constraining condition${why ? ` (the key is in the AI system: ${why})` : ""}`,
                        expected:
                            "the account or named roles as principals, or a kms:CallerAccount or aws:PrincipalOrgID condition",
                    });
                } else if (pub === "unknown") {
                    pending ??= `policy.Statement[${s.index}]`;
                }
            }
            if (!failed && pending) {
                check.undecided(key, pending);
            }
        }
    },
});
