import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:sagemaker/notebookInstance:NotebookInstance";
const id = "sagemaker-notebook-no-direct-internet";
const base = {
    instanceType: "ml.t3.medium",
    roleArn: "arn:aws:iam::123456789012:role/nb",
    subnetId: "subnet-1",
    securityGroups: ["sg-1"],
};

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags notebooks with direct internet access enabled or left at the provider default", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-enabled", { ...base, directInternetAccess: "Enabled" }),
            resource(type, "fail-unset", base),
            resource(type, "pass-disabled", { ...base, directInternetAccess: "Disabled" }),
        ]);
        expect(r.violating).toEqual(["fail-enabled", "fail-unset"]);
        expect(r.clean).toEqual(["pass-disabled"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [resource(type, "fail-unset", base)]);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^NotebookInstance 'fail-unset': directInternetAccess is not set \(provider default "Enabled"\); expected "Disabled"\. Fix: Set directInternetAccess to "Disabled"/,
            ),
        ]);
    });

    it("leaves an unknown value to pulumi up with the engine's advisory", async () => {
        const r = await evaluate(pack, id, [resource(type, "computed", { ...base, directInternetAccess: unknown })]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret-enabled", { ...base, directInternetAccess: secret("Enabled") }),
            resource(type, "secret-disabled", { ...base, directInternetAccess: secret("Disabled") }),
        ]);
        expect(r.violating).toEqual(["secret-enabled"]);
        expect(r.clean).toEqual(["secret-disabled"]);
        expect(r.messages("secret-enabled").join("")).not.toContain('"Enabled"');
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "number", { ...base, directInternetAccess: 1 }),
            resource(type, "object", { ...base, directInternetAccess: { nested: ["x"] } }),
            resource(type, "null", { ...base, directInternetAccess: null }),
        ]);
        expect(r.violating).toEqual(["null", "number", "object"]);
    });
});
