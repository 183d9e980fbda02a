// "Does this resource policy let anyone in?", for the resource-based policies of AI stores and
// registries (ECR repositories, SageMaker model package groups, ...).
import type { ResourceCheck, Subject } from "../core/definition";
import { allowsPublicPrincipal, parsePolicy } from "./iam-policy";

/**
 * Fails the resource when a statement of the policy at `path` allows anyone (`"*"`, `{AWS: "*"}`,
 * NotPrincipal) without a condition that constrains the caller (aws:PrincipalOrgID, aws:SourceVpce,
 * ...); leaves an unknown document or statement to `pulumi up`. A missing or unparsable policy grants
 * nothing here (the provider rejects invalid JSON).
 */
export function judgePublicGrant(subject: Subject, check: ResourceCheck<unknown>, path: string): void {
    const parsed = parsePolicy(subject.get(path));
    if (parsed.state === "unknown") {
        check.undecided(path);
        return;
    }
    if (parsed.state !== "parsed") {
        return;
    }
    const verdicts = parsed.statements.map((s) => allowsPublicPrincipal(s));
    const publicAt = verdicts.indexOf(true);
    if (publicAt >= 0) {
        check.fail({
            setting: parsed.statements.length > 1 ? `${path}.Statement[${publicAt}]` : `${path}.Statement`,
            found: 'an Allow to every principal ("*" or NotPrincipal) without a condition that constrains the caller',
            expected: "named principals, or a condition such as aws:PrincipalOrgID that scopes the wildcard",
        });
        return;
    }
    if (verdicts.includes("unknown")) {
        check.undecided(path);
    }
}
