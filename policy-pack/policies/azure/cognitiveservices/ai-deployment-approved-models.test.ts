import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Deployment";
const id = "ai-deployment-approved-models";
const base = { resourceGroupName: "rg", accountName: "aoai", sku: { name: "Standard", capacity: 10 } };
const approvedModels = [
    { name: "gpt-4o", format: "OpenAI", versions: ["2024-11-20", "2024-08-06"] },
    "text-embedding-3-large",
];
function deployment(model: unknown, extra: WireObject = {}): WireObject {
    return { ...base, properties: { model, raiPolicyName: "strict", ...extra } } as WireObject;
}
const options = { properties: { approvedModels } };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes approved models and flags others", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "pass-pinned", deployment({ format: "OpenAI", name: "gpt-4o", version: "2024-11-20" })),
                resource(type, "pass-case", deployment({ format: "openai", name: "GPT-4o", version: "2024-08-06" })),
                resource(type, "pass-any-version", deployment({ format: "OpenAI", name: "text-embedding-3-large" })),
                resource(type, "pass-no-format", deployment({ name: "gpt-4o", version: "2024-11-20" })),
                resource(
                    type,
                    "fail-other-model",
                    deployment({ format: "OpenAI", name: "gpt-35-turbo", version: "0125" }),
                ),
                resource(
                    type,
                    "fail-old-version",
                    deployment({ format: "OpenAI", name: "gpt-4o", version: "2024-05-13" }),
                ),
                resource(type, "fail-unpinned", deployment({ format: "OpenAI", name: "gpt-4o" })),
                resource(type, "fail-format", deployment({ format: "Meta", name: "gpt-4o", version: "2024-11-20" })),
                resource(type, "fail-no-model", { ...base, properties: { raiPolicyName: "strict" } }),
                resource(type, "fail-no-properties", base),
            ],
            options,
        );
        expect(r.violating).toEqual([
            "fail-format",
            "fail-no-model",
            "fail-no-properties",
            "fail-old-version",
            "fail-other-model",
            "fail-unpinned",
        ]);
        expect(r.clean).toEqual(["pass-any-version", "pass-case", "pass-no-format", "pass-pinned"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("fail-other-model")).toEqual([
            expect.stringMatching(
                /^Deployment 'fail-other-model': properties\.model\.name is "gpt-35-turbo"; expected an approved model \(gpt-4o, text-embedding-3-large\)\. Fix: /,
            ),
        ]);

        expect(r.messages("fail-unpinned")).toEqual([
            expect.stringContaining("properties.model.version is not set (the current default version)"),
        ]);
        expect(r.messages("fail-old-version").join("")).toContain('properties.model.version is "2024-05-13"');
    });

    it("passes everything when no list is configured", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "any", deployment({ format: "OpenAI", name: "gpt-35-turbo" })),
            resource(type, "none", base),
        ]);
        expect(r.clean).toEqual(["any", "none"]);
    });

    it("leaves unknown model names and versions to pulumi up", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "unknown-name", deployment({ format: "OpenAI", name: unknown })),
                resource(type, "unknown-model", deployment(unknown)),
                resource(type, "unknown-version", deployment({ format: "OpenAI", name: "gpt-4o", version: unknown })),
                resource(
                    type,
                    "unknown-version-free",
                    deployment({ name: "text-embedding-3-large", version: unknown }),
                ),
            ],
            options,
        );
        expect(r.undecided).toEqual(["unknown-model", "unknown-name", "unknown-version"]);
        expect(r.clean).toEqual(["unknown-version-free"]);
        expect(r.violating).toEqual([]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "secret-other", deployment({ format: "OpenAI", name: secret("secret-model-x") })),
                resource(
                    type,
                    "secret-ok",
                    deployment(secret({ format: "OpenAI", name: "gpt-4o", version: "2024-11-20" })),
                ),
            ],
            options,
        );
        expect(r.violating).toEqual(["secret-other"]);
        expect(r.clean).toEqual(["secret-ok"]);
        expect(r.messages("secret-other").join("")).not.toContain("secret-model-x");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "name-number", deployment({ name: 4 })),
                resource(type, "model-string", deployment("gpt-4o")),
                resource(type, "version-number", deployment({ name: "gpt-4o", format: "OpenAI", version: 2024 })),
                resource(type, "model-null", deployment(null)),
            ],
            options,
        );
        expect(r.violating).toEqual(["model-null", "model-string", "name-number", "version-number"]);
    });
});
