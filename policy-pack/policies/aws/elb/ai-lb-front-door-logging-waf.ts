import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { describe } from "../../../core/values";
import { loadBalancerTypes, webAclAssociationType } from "../../../shared/aws-load-balancing";

const loadBalancers = new Set(loadBalancerTypes);

export default defineStackPolicy({
    id: "ai-lb-front-door-logging-waf",
    cloud: "aws",
    resourceTypes: loadBalancerTypes,
    area: "io-logging",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Load balancers in front of AI compute write access logs, and Application Load Balancers among them have an AWS WAF web ACL.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2", "SI-4"],
            why: "Every request to the model's entry point is logged, and an internet-facing one is filtered by a web application firewall.",
        },
        "mitre-atlas": {
            supports: ["AML.M0024"],
            mitigates: ["AML.T0040", "AML.T0051"],
            why: "Access logs record who called the model; WAF rules block known-bad and abusive request patterns before they reach it.",
        },
        "iso-27001": {
            supports: ["A.8.15", "A.8.16"],
            why: "Logging and monitoring of the AI system's entry point.",
        },
    }),
    peers: [],
    remediation: [
        "Set accessLogs.enabled to true with accessLogs.bucket naming an S3 bucket the load balancer may write to.",
        "For an Application Load Balancer, add an aws.wafv2.WebAclAssociation with resourceArn: loadBalancer.arn and a regional web ACL with the AWS managed rule groups and a rate-based rule.",
    ],
    notes: [
        "A load balancer belongs to the AI system through its listeners: one that forwards to a target group of AI compute (see ai-lb-listener-tls).",
        "accessLogs.enabled defaults to false, so a missing value fails. WAF associations are matched through the property dependencies of resourceArn; an association made in another stack is not seen, so this check is advisory.",
        'Network and Gateway Load Balancers cannot take a web ACL and are judged on access logs only; a missing loadBalancerType is the provider default "application".',
    ],
    validate(check) {
        const { resources, classification } = check;
        const protectedLbs = new Set<StackResource>();
        for (const r of resources) {
            if (r.type === webAclAssociationType) {
                for (const lb of r.propertyDependencies.resourceArn ?? []) {
                    protectedLbs.add(lb);
                }
            }
        }
        for (const lb of resources) {
            if (!loadBalancers.has(lb.type) || !classification.isAi(lb)) {
                continue;
            }
            const enabled = lb.get("accessLogs.enabled");
            if (enabled.state === "unknown") {
                check.undecided(lb, "accessLogs.enabled");
            } else if (!(enabled.state === "known" && enabled.value === true)) {
                check.fail(lb, {
                    setting: "accessLogs.enabled",
                    found: enabled.state === "missing" ? "not set (provider default false)" : describe(enabled),
                    expected: "true",
                });
            }
            const kind = lb.get("loadBalancerType");
            if (kind.state === "unknown") {
                check.undecided(lb, "loadBalancerType");
                continue;
            }
            const application = kind.state === "missing" || kind.value === "application";
            if (application && !protectedLbs.has(lb)) {
                check.fail(lb, {
                    setting: "web ACL",
                    found: "not associated (no aws.wafv2.WebAclAssociation references this load balancer)",
                    expected: "a WebAclAssociation whose resourceArn is this load balancer's ARN",
                });
            }
        }
    },
});
