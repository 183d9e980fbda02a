import { cite } from "../../../core/citations";
import { defineResourcePolicy, type Finding } from "../../../core/definition";
import {
    and,
    hasConstrainingCondition,
    hasPublicPrincipal,
    hasWildcardService,
    isAllow,
    not,
    parsePolicy,
    principalScopeKeys,
    type Tri,
} from "../../../shared/iam-policy";

/** Bedrock and SageMaker service names, in any region: `com.amazonaws.<region>.bedrock-runtime`, `aws.sagemaker.<region>.notebook`. */
const aiService = /(\.bedrock(-[a-z-]+)?|\.sagemaker\.[a-z-]+|^aws\.sagemaker\.[^.]+\.(notebook|studio))$/i;

export default defineResourcePolicy({
    id: "ai-vpc-endpoint-policy-scoped",
    cloud: "aws",
    resourceTypes: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'VPC endpoints for Bedrock and SageMaker have an endpoint policy that does not allow every action to Principal "*" without an aws:PrincipalOrgID or aws:PrincipalAccount condition.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3", "AC-4"],
            why: "Bedrock and SageMaker VPC endpoint policies allow only principals of the organization or account.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0025"],
            why: "Credentials of another account cannot be used through the endpoint to reach models or move data out.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the private service connection admits only the organization's principals.",
        },
    }),
    peers: [{ tool: "prowler", id: "vpc_endpoint_connections_trust_boundaries" }],
    remediation: [
        "Set policy on the Bedrock or SageMaker VPC endpoint to a document that allows only the actions the workloads need (for example bedrock:InvokeModel on approved model ARNs).",
        "Where Principal \"*\" stays, add a condition StringEquals aws:PrincipalOrgID (or aws:PrincipalAccount) so only your organization's or account's credentials can use the endpoint.",
    ],
    notes: [
        "Endpoints are in scope when serviceName ends in .bedrock, .bedrock-runtime, .bedrock-agent, .bedrock-agent-runtime (any .bedrock-* name), .sagemaker.api, .sagemaker.runtime (any .sagemaker.* name), or is aws.sagemaker.<region>.notebook or .studio.",
        'Without a policy, AWS attaches a full-access policy (Allow "*" to Principal "*" on "*"), which fails. A statement fails when it allows "*" or a whole service (or uses NotAction) to Principal "*", {AWS: "*"} or via NotPrincipal, without a positive aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:PrincipalArn condition.',
        "A policy or serviceName unknown during preview leaves the verdict to pulumi up. Advisory by default: scoped endpoint policies are a defence against credentials of other accounts, on top of IAM.",
    ],
    validate(endpoint, check) {
        const findings: Finding[] = [];
        let unknown: string | undefined;
        const doc = endpoint.get("policy");
        const parsed = parsePolicy(doc);
        if (parsed.state === "missing") {
            findings.push({
                setting: "policy",
                found: 'not set (AWS attaches a full-access policy: every action to Principal "*")',
                expected: "an endpoint policy scoped to your organization or account and the actions you use",
            });
        } else if (parsed.state === "unknown") {
            unknown = "policy";
        } else if (parsed.state === "parsed") {
            for (const s of parsed.statements) {
                const open: Tri = and(
                    isAllow(s),
                    hasPublicPrincipal(s),
                    hasWildcardService(s),
                    not(hasConstrainingCondition(s, principalScopeKeys)),
                );
                if (open === true) {
                    findings.push({
                        setting: `policy Statement[${s.index}]`,
                        found: "an Allow of every action of a service to any principal without an organization or account condition",
                        expected: "specific actions, or an aws:PrincipalOrgID or aws:PrincipalAccount condition",
                    });
                } else if (open === "unknown") {
                    unknown ??= `policy.Statement[${s.index}]`;
                }
            }
        }
        if (findings.length === 0 && !unknown) {
            return;
        }
        const service = endpoint.get("serviceName");
        if (service.state === "unknown") {
            check.undecided("serviceName");
            return;
        }
        if (!(service.state === "known" && typeof service.value === "string" && aiService.test(service.value.trim()))) {
            return;
        }
        for (const f of findings) {
            check.fail(f);
        }
        if (findings.length === 0 && unknown) {
            check.undecided(unknown);
        }
    },
});
