import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-subnet-private";
const subnet = "aws:ec2/subnet:Subnet";
const base = { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" };
const notebook = (name: string, subnetName: string) =>
    resource(
        "aws:sagemaker/notebookInstance:NotebookInstance",
        name,
        { instanceType: "ml.t3.medium", subnetId: unknown },
        { propertyDependencies: { subnetId: [subnetName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI subnets that map public IPs on launch", async () => {
        const r = await evaluate(pack, id, [
            resource(subnet, "public", { ...base, mapPublicIpOnLaunch: true }),
            notebook("nb", "public"),
            resource(subnet, "private", { ...base, mapPublicIpOnLaunch: false }),
            notebook("nb2", "private"),
            resource(subnet, "default", { ...base, tags: { "aiguard:system": "ai" } }),
        ]);
        expect(r.violating).toEqual(["public"]);
        expect(r.clean).toEqual(["default", "nb", "nb2", "private"]);
        expect(r.messages("public")[0]).toMatch(
            /^Subnet 'public': mapPublicIpOnLaunch is true \(the subnet is in the AI system: referenced by aws:sagemaker\/notebookInstance:NotebookInstance 'nb'\); expected false or not set\. Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "medium")).toBe(true);
    });

    it("leaves unknown values to pulumi up unless the program never set them", async () => {
        const ai = { ...base, tags: { "aiguard:system": "ai" } };
        const r = await evaluate(pack, id, [
            resource(subnet, "set", { ...ai, mapPublicIpOnLaunch: unknown }),
            resource(subnet, "computed", ai, { outputs: { ...ai, mapPublicIpOnLaunch: unknown } }),
        ]);
        expect(r.undecided).toEqual(["set"]);
        expect(r.violating).toEqual([]);
    });

    it("ignores subnets outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(subnet, "web", { ...base, mapPublicIpOnLaunch: true }),
            resource(subnet, "erp", { ...base, mapPublicIpOnLaunch: true, tags: { "aiguard:system": "business" } }),
            notebook("nb", "erp"),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("judges secrets and odd values without throwing", async () => {
        const ai = { ...base, tags: { "aiguard:system": "ai" } };
        const r = await evaluate(pack, id, [
            resource(subnet, "secret", { ...ai, mapPublicIpOnLaunch: secret(true) }),
            resource(subnet, "string", { ...ai, mapPublicIpOnLaunch: "s3cr3t" }),
        ]);
        expect(r.violating).toEqual(["secret", "string"]);
        // A secret is never shown; a plain string is shown as found, quoted.
        expect(r.messages("secret").join("\n")).toContain("mapPublicIpOnLaunch is a secret value (not shown)");
        expect(r.messages("string").join("\n")).toContain('mapPublicIpOnLaunch is "s3cr3t"');
    });
});
