import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { isUnknownSentinel, unknownSentinels } from "../../../core/values";

const policyType = "aws:organizations/policy:Policy";
const orgType = "aws:organizations/organization:Organization";
const optOutType = "AISERVICES_OPT_OUT_POLICY";

interface Config {
    readonly managedElsewhere?: boolean;
}

function obj(v: unknown): Record<string, unknown> | undefined {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Judges an opt-out policy's content: the default for all services is optOut and children cannot change it. */
function judgeContent(p: StackResource): { finding?: Finding; unknown?: string } {
    const content = p.get("content");
    if (content.state === "unknown") {
        return { unknown: "content" };
    }
    let doc: unknown = content.state === "known" ? content.value : undefined;
    if (typeof doc === "string") {
        const text = doc;
        try {
            doc = JSON.parse(text);
        } catch {
            if ([...unknownSentinels].some((s) => text.includes(s))) {
                return { unknown: "content" };
            }
            doc = undefined;
        }
    }
    const fail = (found: string): { finding: Finding } => ({
        finding: {
            setting: "content",
            found,
            expected:
                'services.default.opt_out_policy with "@@assign": "optOut" and "@@operators_allowed_for_child_policies": ["@@none"]',
        },
    });
    const root = obj(doc);
    if (!root) {
        return fail(content.state === "missing" ? "not set" : "not a JSON policy document");
    }
    const def = obj(obj(obj(root.services)?.default)?.opt_out_policy);
    if (!def) {
        return fail("without an opt_out_policy for services.default");
    }
    const assign = def["@@assign"];
    if (isUnknownSentinel(assign)) {
        return { unknown: "content" };
    }
    if (!(typeof assign === "string" && assign.toLowerCase() === "optout")) {
        return fail('a default opt_out_policy that does not assign "optOut"');
    }
    const ops = def["@@operators_allowed_for_child_policies"];
    if (isUnknownSentinel(ops)) {
        return { unknown: "content" };
    }
    if (!(Array.isArray(ops) && ops.length > 0 && ops.every((o) => o === "@@none"))) {
        return fail("a default opt_out_policy that child policies may override");
    }
    return {};
}

export default defineStackPolicy<Config>({
    id: "ai-services-data-opt-out",
    cloud: "aws",
    resourceTypes: [policyType, orgType],
    area: "model-storage",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "An organization-management stack declares an AI services opt-out policy that opts every account out of AI service data use and forbids child policies from overriding it.",
    controls: cite({
        "nist-800-53": {
            supports: ["SA-9", "PT-2"],
            why: "An organization policy opts every account out of AWS AI services using its content, and children cannot override it.",
        },
        "mitre-atlas": {
            supports: ["AML.M0005"],
            why: "Content sent to AI services is not retained by the provider for its own use.",
        },
        "nist-ai-rmf": {
            supports: ["GOVERN 6.1"],
            why: "The opt-out is a policy applied to a third-party AI provider's use of the organization's data.",
        },
        "nist-ai-600-1": {
            mitigates: ["data-privacy", "intellectual-property"],
            why: "The provider does not use the organization's prompts and content for its own models.",
        },
        "iso-27001": {
            implements: ["A.5.23"],
            why: "Information security for use of cloud services: the provider's data use is restricted.",
        },
        "iso-42001": {
            supports: ["A.10.3"],
            why: "Suppliers: the AI service provider's use of data is restricted by policy.",
        },
    }),
    peers: [{ tool: "prowler", id: "organizations_opt_out_ai_services_policy" }],
    remediation: [
        'Add an aws.organizations.Policy with type "AISERVICES_OPT_OUT_POLICY" and content {"services":{"default":{"opt_out_policy":{"@@assign":"optOut","@@operators_allowed_for_child_policies":["@@none"]}}}}, and attach it to the organization root with an aws.organizations.PolicyAttachment.',
        "If the organization's management stack lives elsewhere, set managedElsewhere to true in this policy's config.",
    ],
    judgesWithoutAiSystem:
        "The opt-out governs every AI service of every account in the organization, and the stack that manages the organization rarely declares an AI resource itself.",
    notes: [
        "Unlike the other policies, this one judges stacks without an AI system: the organization-management stack where the opt-out belongs rarely holds AI resources.",
        "The check applies only to stacks that declare an Organization or organization policies; a missing opt-out policy is reported on the Organization, or on the first organization policy.",
        "Content is read as JSON; a content that is unknown during preview leaves the verdict to pulumi up. Whether the policy is attached to the root is not checked.",
        "Set managedElsewhere when another stack owns the opt-out policy; the check then only judges opt-out policies this stack declares.",
    ],
    configSchema: {
        properties: {
            managedElsewhere: {
                type: "boolean",
                default: false,
                description: "Another stack owns the organization's AI services opt-out policy.",
            },
        },
    },
    validate(check) {
        const policies = check.resources.filter((r) => r.type === policyType);
        const optOuts: StackResource[] = [];
        let typeUnknown: StackResource | undefined;
        for (const p of policies) {
            const t = p.get("type");
            if (t.state === "unknown") {
                typeUnknown ??= p;
            } else if (t.state === "known" && typeof t.value === "string" && t.value.toUpperCase() === optOutType) {
                optOuts.push(p);
            }
        }
        const verdicts = optOuts.map((p) => ({ p, ...judgeContent(p) }));
        for (const v of verdicts) {
            if (v.finding) {
                check.fail(v.p, v.finding);
            } else if (v.unknown) {
                check.undecided(v.p, v.unknown);
            }
        }
        if (optOuts.length > 0 || check.config.managedElsewhere === true) {
            return;
        }
        if (typeUnknown) {
            check.undecided(typeUnknown, "type");
            return;
        }
        const target = check.resources.find((r) => r.type === orgType) ?? policies[0];
        if (target) {
            check.fail(target, {
                setting: "AI services opt-out policy",
                found: `missing: the stack manages the organization but declares no policy of type "${optOutType}"`,
                expected: "an opt-out policy that opts all services out by default",
            });
        }
    },
});
