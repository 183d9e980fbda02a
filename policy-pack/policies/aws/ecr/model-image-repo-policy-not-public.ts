import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, field, isUnknownSentinel, type Value } from "../../../core/values";

type Verdict = "public" | "private" | "unknown";

/** The principal grants everyone: `"*"`, `{ AWS: "*" }` or a list holding `"*"`. */
function isWildcard(principal: unknown): boolean | "unknown" {
    if (isUnknownSentinel(principal)) {
        return "unknown";
    }
    if (typeof principal === "string") {
        return principal.trim() === "*";
    }
    if (Array.isArray(principal)) {
        const parts = principal.map(isWildcard);
        return parts.includes(true) ? true : parts.includes("unknown") ? "unknown" : false;
    }
    if (principal !== null && typeof principal === "object") {
        const parts = Object.values(principal).map(isWildcard);
        return parts.includes(true) ? true : parts.includes("unknown") ? "unknown" : false;
    }
    return false;
}

/** Judges one statement: an Allow to every principal (or NotPrincipal) without a Condition is public. */
function judgeStatement(s: unknown): Verdict {
    if (isUnknownSentinel(s)) {
        return "unknown";
    }
    const effect = field(s, "Effect");
    if (effect.state === "unknown") {
        return "unknown";
    }
    if (!(effect.state === "known" && typeof effect.value === "string" && effect.value.toLowerCase() === "allow")) {
        return "private";
    }
    const condition = field(s, "Condition");
    if (condition.state !== "missing") {
        // A condition (for example aws:PrincipalOrgID) scopes the grant; unknown counts as present.
        return "private";
    }
    if (field(s, "NotPrincipal").state !== "missing") {
        return "public";
    }
    const principal = field(s, "Principal");
    if (principal.state === "unknown") {
        return "unknown";
    }
    if (principal.state === "missing") {
        return "private";
    }
    const wildcard = isWildcard(principal.value);
    return wildcard === true ? "public" : wildcard === "unknown" ? "unknown" : "private";
}

/** Reads the document from a JSON string or an object; `undefined` when it is neither. */
function documentOf(v: Value): unknown {
    if (v.state !== "known") {
        return undefined;
    }
    if (typeof v.value === "string") {
        try {
            return JSON.parse(v.value);
        } catch {
            return undefined;
        }
    }
    return typeof v.value === "object" && !Array.isArray(v.value) ? v.value : undefined;
}

export default defineResourcePolicy({
    id: "model-image-repo-policy-not-public",
    cloud: "aws",
    resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
    area: "supply-chain",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description: 'ECR repository policies grant no unconditioned access to the "*" principal.',
    controls: [
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "nist-800-53", id: "SR-4" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0010.004" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "GOVERN 6.1" },
        { framework: "iso-42001", id: "A.4.4" },
        { framework: "iso-27001", id: "A.5.15" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_32" },
        { tool: "trivy", id: "AWS-0032" },
        { tool: "prowler", id: "ecr_repositories_not_publicly_accessible" },
    ],
    remediation: [
        'Replace Principal "*" (and any NotPrincipal) in Allow statements with the account, role or service principals that pull or push images.',
        "For organization-wide pulls, keep the wildcard only together with a Condition such as aws:PrincipalOrgID.",
    ],
    notes: [
        'An Allow statement is public when its Principal is "*", { AWS: "*" } or a list holding "*", or when it uses NotPrincipal, and it has no Condition. Any Condition counts as scoping the grant.',
        "The policy may be a JSON string or an object, with Statement as one object or a list. A policy built from values unknown during preview (such as pulumi.jsonStringify with role ARNs) is decided at pulumi up, unless a statement is already known to be public.",
        "A string that is not JSON is left to the provider, which rejects it.",
    ],
    validate(repoPolicy, check) {
        const policy = repoPolicy.get("policy");
        if (policy.state === "unknown") {
            check.undecided(policy.path);
            return;
        }
        const doc = documentOf(policy);
        if (doc === undefined) {
            return;
        }
        const statement = field(doc, "Statement");
        if (statement.state === "unknown") {
            check.undecided("policy.Statement");
            return;
        }
        const list = arrayOf(statement);
        const statements =
            list ?? (statement.state === "known" && typeof statement.value === "object" ? [statement.value] : []);
        const verdicts = statements.map(judgeStatement);
        const publicAt = verdicts.indexOf("public");
        if (publicAt >= 0) {
            check.fail({
                setting: list ? `policy.Statement[${publicAt}]` : "policy.Statement",
                found: 'an Allow to every principal ("*" or NotPrincipal) without a Condition',
                expected: "named principals, or a Condition that scopes the wildcard",
            });
            return;
        }
        const unknownAt = verdicts.indexOf("unknown");
        if (unknownAt >= 0) {
            check.undecided(list ? `policy.Statement.${unknownAt}` : "policy.Statement");
        }
    },
});
