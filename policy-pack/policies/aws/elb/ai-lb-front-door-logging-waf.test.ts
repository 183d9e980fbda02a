import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { lambdaBehindLb, listener } from "../../../../tests/support/front-doors";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-lb-front-door-logging-waf";
const https = { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", loadBalancerArn: unknown };
const waf = (name: string, lb: string) =>
    resource(
        "aws:wafv2/webAclAssociation:WebAclAssociation",
        name,
        { resourceArn: unknown, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/ai/1" },
        { propertyDependencies: { resourceArn: [lb] } },
    );
const logs = { accessLogs: { bucket: "lb-logs", enabled: true } };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI load balancers without access logs or a web ACL and passes ones with both", async () => {
        const r = await evaluate(pack, id, [
            ...lambdaBehindLb("bare"),
            listener("bare-l", "bare", https),
            ...lambdaBehindLb("logged", logs),
            listener("logged-l", "logged", https),
            ...lambdaBehindLb("good", logs),
            listener("good-l", "good", https),
            waf("good-waf", "good-lb"),
            ...lambdaBehindLb("nlb", { loadBalancerType: "network", ...logs }),
            listener("nlb-l", "nlb", { protocol: "TLS", loadBalancerArn: unknown }),
            resource("aws:lb/loadBalancer:LoadBalancer", "unrelated-lb", {}),
        ]);
        expect(r.violating).toEqual(["bare-lb", "logged-lb"]);
        expect(r.clean).toContain("good-lb");
        expect(r.clean).toContain("nlb-lb");
        expect(r.clean).toContain("unrelated-lb");
        expect(r.messages("bare-lb")[0]).toMatch(
            /^LoadBalancer 'bare-lb': 2 settings fail:\n {2}- accessLogs\.enabled is not set \(provider default false\); expected true\n {2}- web ACL is not associated/,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("leaves unknown values to pulumi up, judges secrets and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            ...lambdaBehindLb("u", { accessLogs: { bucket: "b", enabled: unknown }, loadBalancerType: unknown }),
            listener("u-l", "u", https),
            ...lambdaBehindLb("s", { accessLogs: secret({ bucket: "b", enabled: true }) }),
            listener("s-l", "s", https),
            waf("s-waf", "s-lb"),
            ...lambdaBehindLb("odd", { accessLogs: "yes", loadBalancerType: 7 }),
            listener("odd-l", "odd", https),
        ]);
        expect(r.undecided).toEqual(["u-lb"]);
        expect(r.clean).toContain("s-lb");
        expect(r.violating).toEqual(["odd-lb"]);
    });
});
