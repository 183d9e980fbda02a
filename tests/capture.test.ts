import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { captureProgram, durationSeconds, findProgram } from "../harness/capture/capture";
import { InputError } from "../harness/errors";
import { secret, unknownString } from "../harness/model";

const programs = path.join(__dirname, "fixtures", "programs");

describe("capturing a program under mocks as a preview", () => {
    it("reproduces what the engine would analyze: URNs, providers, parents, dependencies, secrets and unknowns", async () => {
        const captured = await captureProgram(path.join(programs, "graph"), { stack: "dev" });
        const byName = new Map(captured.resources.map((r) => [r.name, r]));
        const urn = (t: string, n: string) => `urn:pulumi:dev::graph::${t}::${n}`;

        expect(byName.get("graph-dev")?.urn).toBe(urn("pulumi:pulumi:Stack", "graph-dev"));
        // Children of components carry the parent's full type; children of the stack do not.
        expect(byName.get("ws")?.urn).toBe(urn("acme:ai:Workspace", "ws"));
        expect(byName.get("ws-data")?.urn).toBe(urn("acme:ai:Workspace$aws:s3/bucket:Bucket", "ws-data"));
        expect(byName.get("ws-data")?.parent).toBe(urn("acme:ai:Workspace", "ws"));

        // The default provider is synthesised with the engine's versioned name and the aws:* config.
        const defaultProvider = captured.resources.find(
            (r) => r.type === "pulumi:providers:aws" && r.name.startsWith("default"),
        );
        expect(defaultProvider?.name).toMatch(/^default_7_48_0$/);
        expect(defaultProvider?.inputs).toMatchObject({ region: "eu-west-1", version: "7.48.0" });
        expect(byName.get("ws-data")?.provider).toBe(`${defaultProvider?.urn}::${unknownString}`);
        // An explicit provider is referenced as the engine records it.
        expect(byName.get("role")?.provider).toBe(`${urn("pulumi:providers:aws", "eu")}::${unknownString}`);

        const nb = byName.get("nb");
        expect(nb?.inputs.roleArn).toBe(unknownString);
        expect(nb?.inputs.directInternetAccess).toBe("Disabled");
        expect(nb?.inputs.tags).toEqual({ secretTag: secret("hush-hush") });
        expect(nb?.propertyDependencies.roleArn).toEqual([urn("aws:iam/role:Role", "role")]);
        // dependsOn on a component reaches the engine as its custom children, as the SDK sends it.
        expect([...(nb?.dependencies ?? [])].sort()).toEqual([
            urn("acme:ai:Workspace$aws:s3/bucket:Bucket", "ws-data"),
            urn("aws:iam/role:Role", "role"),
        ]);
        expect(byName.get("ws-data")?.inputs.tags).toEqual({ team: "ml-platform" });
        // Component outputs come from registerOutputs; in preview the bucket name is unknown.
        expect(byName.get("ws")?.outputs).toEqual({ bucketName: unknownString });
    });

    it("names the program and the problem when the program throws", async () => {
        const err = await captureProgram(path.join(programs, "throws"), { stack: "dev" }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toMatch(/index\.ts:1: the program failed: .*the program refuses to run/);
    });

    it("refuses directories that are not Node.js Pulumi programs", () => {
        expect(() => findProgram(path.join(programs, "not-node"))).toThrow(/runtime is 'python'; only nodejs programs/);
        expect(() => findProgram(path.join(programs, "nowhere"))).toThrow(/no such directory/);
        expect(() => findProgram(programs)).toThrow(/no Pulumi\.yaml here/);
    });

    it("converts Go durations to seconds as the engine does", () => {
        expect(durationSeconds("5m")).toBe(300);
        expect(durationSeconds("1h30m")).toBe(5400);
        expect(durationSeconds("90s")).toBe(90);
        expect(durationSeconds("")).toBe(0);
    });
});
