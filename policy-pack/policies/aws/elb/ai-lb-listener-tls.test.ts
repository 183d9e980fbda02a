import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { lambdaBehindLb, listener } from "../../../../tests/support/front-doors";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-lb-listener-tls";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

const https = (sslPolicy?: string): WireObject =>
    ({
        loadBalancerArn: unknown,
        protocol: "HTTPS",
        port: 443,
        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
        ...(sslPolicy ? { sslPolicy } : {}),
        defaultActions: [{ type: "forward", targetGroupArn: unknown }],
    }) satisfies aws.lb.ListenerArgs as WireObject;
const http = (redirect: boolean): WireObject =>
    ({
        loadBalancerArn: unknown,
        protocol: "HTTP",
        port: 80,
        defaultActions: [
            redirect
                ? { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }
                : { type: "forward", targetGroupArn: unknown },
        ],
    }) satisfies aws.lb.ListenerArgs as WireObject;

describe(id, () => {
    it("flags plain HTTP, TCP and old TLS policies on listeners in front of a model-fronting Lambda", async () => {
        const r = await evaluate(pack, id, [
            ...lambdaBehindLb("a"),
            listener("plain-http", "a", http(false)),
            listener("redirect", "a", http(true)),
            listener("modern", "a", https("ELBSecurityPolicy-TLS13-1-2-2021-06")),
            listener("default-policy", "a", https()),
            listener("old-policy", "a", https("ELBSecurityPolicy-2016-08")),
            listener("tcp", "a", { loadBalancerArn: unknown, protocol: "TCP", port: 443 }),
            listener("no-protocol", "a", { loadBalancerArn: unknown, defaultActions: [{ type: "forward" }] }),
        ]);
        expect(r.violating).toEqual(["default-policy", "no-protocol", "old-policy", "plain-http", "tcp"]);
        expect(r.clean).toContain("redirect");
        expect(r.clean).toContain("modern");
        expect(r.messages("plain-http")[0]).toMatch(
            /^Listener 'plain-http': protocol is "HTTP" without a redirect to HTTPS; expected .*\. Fix: Set protocol to "HTTPS"/,
        );
        expect(r.messages("default-policy")[0]).toContain(
            'sslPolicy is not set (provider default "ELBSecurityPolicy-2016-08", which admits TLS 1.0)',
        );
    });

    it("finds listeners of an ECS service whose task definition fronts a model, and ignores other listeners", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:bedrock/agentAgent:AgentAgent", "agent", { agentName: "a" }),
            resource(
                "aws:ecs/taskDefinition:TaskDefinition",
                "chat-task",
                { family: "chat", containerDefinitions: unknown },
                { propertyDependencies: { containerDefinitions: ["agent"] } },
            ),
            resource("aws:lb/loadBalancer:LoadBalancer", "ecs-lb", { loadBalancerType: "application" }),
            resource("aws:lb/targetGroup:TargetGroup", "ecs-tg", { port: 8080, protocol: "HTTP", targetType: "ip" }),
            resource(
                "aws:ecs/service:Service",
                "chat-svc",
                {
                    taskDefinition: unknown,
                    loadBalancers: [{ targetGroupArn: unknown, containerName: "c", containerPort: 8080 }],
                },
                { propertyDependencies: { taskDefinition: ["chat-task"], loadBalancers: ["ecs-tg"] } },
            ),
            resource("aws:alb/listener:Listener", "ecs-http", http(false), {
                propertyDependencies: { loadBalancerArn: ["ecs-lb"], defaultActions: ["ecs-tg"] },
            }),
            resource("aws:lb/loadBalancer:LoadBalancer", "web-lb", {}),
            resource("aws:lb/targetGroup:TargetGroup", "web-tg", { port: 80 }),
            resource("aws:lb/listener:Listener", "web-http", http(false), {
                propertyDependencies: { loadBalancerArn: ["web-lb"], defaultActions: ["web-tg"] },
            }),
        ]);
        expect(r.violating).toEqual(["ecs-http"]);
    });

    it("leaves unknown values to pulumi up, judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            ...lambdaBehindLb("a"),
            listener("unknown-protocol", "a", { protocol: unknown }),
            listener("unknown-policy", "a", https(unknown)),
            listener("secret-policy", "a", { ...https(), sslPolicy: secret("ELBSecurityPolicy-2016-08") }),
            listener("odd", "a", { protocol: 443, defaultActions: "x" }),
            listener("odd-actions", "a", { protocol: "HTTP", defaultActions: [null, 3] }),
        ]);
        expect(r.undecided).toEqual(["unknown-policy", "unknown-protocol"]);
        expect(r.violating).toEqual(["odd", "odd-actions", "secret-policy"]);
        expect(r.messages("secret-policy")[0]).toContain("sslPolicy is a secret value (not shown)");
    });
});
