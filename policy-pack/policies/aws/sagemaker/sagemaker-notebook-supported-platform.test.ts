import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:sagemaker/notebookInstance:NotebookInstance";
const id = "sagemaker-notebook-supported-platform";
const base = { instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::123456789012:role/nb" };
const nb = (name: string, platformIdentifier?: WireValue) =>
    resource(type, name, platformIdentifier === undefined ? base : { ...base, platformIdentifier });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags platforms off the default allowlist, including the provider default", async () => {
        const r = await evaluate(pack, id, [
            nb("pass-al2023", "notebook-al2023-v1"),
            nb("pass-upper", "NOTEBOOK-AL2023-V1"),
            nb("fail-al2", "notebook-al2-v3"),
            nb("fail-unset"),
            nb("fail-custom", "my-private-platform"),
        ]);
        expect(r.violating).toEqual(["fail-al2", "fail-custom", "fail-unset"]);
        expect(r.clean).toEqual(["pass-al2023", "pass-upper"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^NotebookInstance 'fail-unset': platformIdentifier is not set \(provider default "notebook-al2-v3"\); expected one of "notebook-al2023-v1"\. Fix: /,
            ),
        ]);
        expect(r.messages("fail-al2")[0]).toContain('platformIdentifier is "notebook-al2-v3"');
        expect(r.messages("fail-custom")[0]).toContain('platformIdentifier is "my-private-platform"');
    });

    it("takes the allowlist from the policy config", async () => {
        const r = await evaluate(
            pack,
            id,
            [nb("al2", "notebook-al2-v3"), nb("unset"), nb("al2023", "notebook-al2023-v1")],
            { properties: { allowedPlatforms: ["notebook-al2-v3"] } },
        );
        expect(r.violating).toEqual(["al2023"]);
        expect(r.clean).toEqual(["al2", "unset"]);
    });

    it("leaves an unknown platform to pulumi up", async () => {
        const r = await evaluate(pack, id, [nb("computed", unknown)]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.violating).toEqual([]);
    });

    it("judges secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            nb("secret-good", secret("notebook-al2023-v1")),
            nb("secret-bad", secret("s3cr3t-platform")),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["secret-good"]);
        expect(r.messages("secret-bad").join("")).not.toContain("s3cr3t");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [nb("number", 2023), nb("object", { a: [1] }), nb("null", null)]);
        expect(r.violating).toEqual(["null", "number", "object"]);
        const r2 = await evaluate(pack, id, [nb("empty-allowlist", "notebook-al2023-v1")], {
            properties: { allowedPlatforms: [] },
        });
        expect(r2.violating).toEqual(["empty-allowlist"]);
        expect(r2.messages("empty-allowlist")[0]).toContain("expected an approved platform");
    });
});
