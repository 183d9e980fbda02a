import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy, type ResourceCheck, type Subject } from "../../../core/definition";
import { arrayOf, describe, field } from "../../../core/values";
import { listenerTypes } from "../../../shared/aws-load-balancing";

/** Security policies that admit only TLS 1.2 or later (`ELBSecurityPolicy-TLS13-1-2-…`, `…-TLS-1-2-…`, `…-FS-1-2-…`). */
const modernPolicy = /(TLS13-1-[23]|TLS-1-2|FS-1-2|TLS13-1-3)/i;

/** An HTTP listener is acceptable only when every default action redirects to HTTPS. */
function checkRedirect(listener: Subject, check: ResourceCheck<unknown>): void {
    const actions = listener.get("defaultActions");
    if (actions.state === "unknown") {
        check.undecided("defaultActions");
        return;
    }
    const list = arrayOf(actions) ?? [];
    const redirects = list.map((a, i) => {
        const type = field(a, "type");
        const to = field(a, "redirect.protocol");
        if (type.state === "unknown" || to.state === "unknown") {
            check.undecided(`defaultActions[${i}]`);
            return true;
        }
        return type.state === "known" && type.value === "redirect" && to.state === "known" && to.value === "HTTPS";
    });
    if (list.length === 0 || !redirects.every(Boolean)) {
        check.fail({
            setting: "protocol",
            found: '"HTTP" without a redirect to HTTPS',
            expected: '"HTTPS" (or "TLS"), or an HTTP listener whose default action redirects to HTTPS',
        });
    }
}

export default onAiResources(
    defineResourcePolicy({
        id: "ai-lb-listener-tls",
        cloud: "aws",
        resourceTypes: listenerTypes,
        area: "network-isolation",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Load balancer listeners in front of AI compute accept only TLS 1.2 or later: HTTPS or TLS with a current security policy, or HTTP that only redirects to HTTPS.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-8", "SC-8(1)"],
                supports: ["SC-13"],
                why: "Prompts and completions cross the load balancer only over TLS 1.2 or later.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0024"],
                why: "Inference traffic to and from the model cannot be read or changed on the way.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: weak and absent transport encryption is refused at the entry point.",
            },
        }),
        peers: [],
        remediation: [
            'Set protocol to "HTTPS" (ALB) or "TLS" (NLB) with a certificateArn and sslPolicy "ELBSecurityPolicy-TLS13-1-2-2021-06", or make the HTTP listener\'s only default action a redirect with redirect.protocol "HTTPS".',
        ],
        notes: [
            "A listener belongs to the AI system when it forwards to a target group of AI compute: a target group an ECS service of a front-door task definition uses, or one with an attachment of a front-door Lambda function or an AI-tagged instance.",
            'A missing protocol is the provider default "HTTP" on an Application Load Balancer; a missing sslPolicy on HTTPS or TLS is the provider default "ELBSecurityPolicy-2016-08", which admits TLS 1.0 and fails.',
            'TCP and UDP listeners (Network Load Balancer) carry no TLS and fail; use "TLS" and terminate TLS at the listener.',
        ],
        validate(listener, check) {
            const protocol = listener.get("protocol");
            if (protocol.state === "unknown") {
                check.undecided("protocol");
                return;
            }
            const p = protocol.state === "known" && typeof protocol.value === "string" ? protocol.value : "HTTP";
            if (protocol.state === "known" && typeof protocol.value !== "string") {
                check.fail({ setting: "protocol", found: describe(protocol), expected: '"HTTPS" or "TLS"' });
                return;
            }
            const upper = p.toUpperCase();
            if (upper === "HTTP") {
                checkRedirect(listener, check);
                return;
            }
            if (upper !== "HTTPS" && upper !== "TLS") {
                check.fail({ setting: "protocol", found: describe(protocol), expected: '"HTTPS" or "TLS"' });
                return;
            }
            const policy = listener.get("sslPolicy");
            if (policy.state === "unknown") {
                check.undecided("sslPolicy");
            } else if (policy.state === "missing") {
                check.fail({
                    setting: "sslPolicy",
                    found: 'not set (provider default "ELBSecurityPolicy-2016-08", which admits TLS 1.0)',
                    expected: 'a TLS 1.2 or later policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06"',
                });
            } else if (!(typeof policy.value === "string" && modernPolicy.test(policy.value))) {
                check.fail({
                    setting: "sslPolicy",
                    found: describe(policy),
                    expected: 'a TLS 1.2 or later policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06"',
                });
            }
        },
    }),
);
