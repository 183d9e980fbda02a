import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeOnce, PackSession } from "../harness/engine";
import { InputError } from "../harness/errors";
import { resource, rootUrn, secret, snapshots, unknown, urnOf } from "./support/pack";

const packs = path.join(__dirname, "fixtures", "packs");
const probeDir = path.join(packs, "probe");
const launch = { packDir: probeDir, project: "proj", stack: "dev", organization: "acme", dryRun: true };

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function waitForExit(pid: number): Promise<boolean> {
    for (let i = 0; i < 50 && isAlive(pid); i++) {
        await new Promise((r) => setTimeout(r, 20));
    }
    return !isAlive(pid);
}

describe("launching a pack as the Pulumi CLI does", () => {
    let session: PackSession;
    beforeAll(async () => {
        session = await PackSession.open({ ...launch, config: { "proj:region": "eu-west-1" } });
    });
    afterAll(async () => {
        await session?.close();
    });

    it("runs run-policy-pack with the discarded engine address and the pack dir, in the pack dir, with the engine's variables", async () => {
        const result = await session.run({
            resources: snapshots([resource("probe:index:Launch", "launch")]),
            dryRun: true,
            stackTags: { env: "prod" },
        });
        const d = result.diagnostics.find((x) => x.policy === "probe-launch");
        const seen = JSON.parse((d?.message ?? "").split("\n").pop() ?? "{}");
        expect(seen.cwd).toBe(probeDir);
        const cmdline = fs.readFileSync(`/proc/${session.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        expect(cmdline.slice(1)).toEqual([
            require.resolve("@pulumi/pulumi/cmd/run-policy-pack/index.js"),
            "127.0.0.1:1",
            probeDir,
        ]);
        expect(seen.env).toMatchObject({
            PULUMI_NODEJS_PROJECT: "proj",
            PULUMI_NODEJS_STACK: "dev",
            PULUMI_NODEJS_ORGANIZATION: "acme",
            PULUMI_NODEJS_DRY_RUN: "true",
            PULUMI_NODEJS_TYPESCRIPT: "true",
            PULUMI_CONFIG: JSON.stringify({ "proj:region": "eu-west-1" }),
        });
        expect(seen.stackTags).toEqual({ env: "prod" });
        expect(d?.urn).toBe(urnOf("probe:index:Launch", "launch"));
    });

    it("reads the pack's metadata through GetAnalyzerInfo", () => {
        expect(session.info.name).toBe("probe");
        expect(session.info.version).toBe("1.2.3");
        const launchPolicy = session.info.policies.find((p) => p.name === "probe-launch");
        expect(launchPolicy).toMatchObject({
            severity: "low",
            kind: "resource",
            enforcementLevel: "advisory",
            framework: { name: "nist-800-53", version: "5", reference: "SC-7" },
            tags: ["probe:launch"],
            url: "docs/probe.md",
        });
        expect(session.info.policies.find((p) => p.name === "probe-stack")?.kind).toBe("stack");
    });

    it("sends unknowns and secrets in the engine's wire encoding: secrets unwrapped, unknowns as sentinels", async () => {
        const result = await session.run({
            resources: snapshots([
                resource("probe:index:Echo", "echo", { known: "x", computed: unknown, token: secret("s3cr3t-token") }),
            ]),
            dryRun: true,
            policyConfig: { all: "disabled", "probe-props": "advisory" },
        });
        const d = result.diagnostics.find((x) => x.policy === "probe-props");
        expect(d).toBeDefined();
        // The pack saw the plain secret; the harness keeps it out of every message.
        expect(d?.message).toContain('"token":"[secret]"');
        expect(d?.message).not.toContain("s3cr3t-token");
        expect(d?.message).toContain(`"computed":"${unknown}"`);
    });

    it("turns a read of an unknown value into the engine's advisory, even for a mandatory policy", async () => {
        const result = await session.run({
            resources: snapshots([
                resource("probe:index:Echo", "unknown-value", { value: unknown }),
                resource("probe:index:Echo", "bad-value", { value: "bad" }),
            ]),
            dryRun: true,
            policyConfig: { all: "disabled", "probe-unknown": "mandatory" },
        });
        const byName = Object.fromEntries(result.diagnostics.map((d) => [d.name, d]));
        expect(byName["unknown-value"]).toMatchObject({ enforcementLevel: "advisory", undecided: true });
        expect(byName["unknown-value"]?.message).toMatch(/can't run policy 'probe-unknown' .* during preview/);
        expect(byName["bad-value"]).toMatchObject({ enforcementLevel: "mandatory", undecided: false });
        expect(result.mandatory).toBe(1);
        expect(result.undecided).toBe(1);
    });

    it("applies schema defaults and the user's values before Configure, as the engine reconciles config", async () => {
        const run = (policyConfig?: Record<string, unknown>) =>
            session.run({
                resources: snapshots([resource("probe:index:Echo", "echo", {})]),
                dryRun: true,
                policyConfig: { all: "disabled", "probe-props": "advisory", ...(policyConfig ?? {}) },
            });
        const config = async (r: Awaited<ReturnType<typeof run>>) =>
            JSON.parse((r.diagnostics.find((d) => d.policy === "probe-props")?.message ?? "").split("\n").pop() ?? "{}")
                .config;
        expect(await config(await run())).toEqual({ threshold: 10 });
        expect(await config(await run({ "probe-props": { enforcementLevel: "advisory", label: "x" } }))).toEqual({
            threshold: 10,
            label: "x",
        });
    });

    it("rejects invalid policy config with the policy and problem named, before the pack sees it", async () => {
        const run = (policyConfig: Record<string, unknown>) =>
            session.run({ resources: snapshots([]), dryRun: true, policyConfig, policyConfigOrigin: "config.json" });
        await expect(run({ "probe-props": { threshold: -1 } })).rejects.toThrow(
            /config\.json: policy 'probe-props': threshold must be >= 0/,
        );
        await expect(run({ "no-such-policy": "advisory" })).rejects.toThrow(
            /policy 'no-such-policy', which is not in the pack/,
        );
        await expect(run({ "probe-props": "loud" })).rejects.toThrow(/enforcement level must be one of/);
    });

    it("attributes stack diagnostics to their resource, or to the root stack when the URN is not in the stack", async () => {
        const result = await session.run({
            resources: snapshots([
                resource("probe:index:Echo", "parent-thing", {}),
                resource(
                    "probe:index:Echo",
                    "child",
                    { ref: unknown },
                    { propertyDependencies: { ref: ["parent-thing"] } },
                ),
            ]),
            dryRun: true,
            policyConfig: { all: "disabled", "probe-stack": "mandatory" },
        });
        const stackDiags = result.diagnostics.filter((d) => d.fromStack);
        const child = stackDiags.find((d) => d.name === "child");
        expect(JSON.parse(child?.message.split("\n").pop() ?? "{}")).toEqual({
            name: "child",
            parent: rootUrn,
            dependencies: ["parent-thing"],
            propertyDependencies: { ref: ["parent-thing"] },
        });
        expect(stackDiags.find((d) => d.message.includes("without a resource"))?.urn).toBe(rootUrn);
    });

    it("reports a policy that throws as a failure naming the policy", async () => {
        await expect(
            analyzeOnce(launch, {
                resources: snapshots([resource("probe:index:Boom", "boom", {})]),
                dryRun: true,
                policyConfig: { all: "disabled", "probe-throws": "mandatory" },
            }),
        ).rejects.toThrow(
            /policy pack failed: Error validating resource with policy 'probe-throws' from policy pack 'probe@v1\.2\.3'/,
        );
    });
});

describe("pack process lifecycle", () => {
    it("closes the pack's process group with SIGINT and leaves nothing running", async () => {
        const session = await PackSession.open(launch);
        const pid = session.pid;
        expect(isAlive(pid)).toBe(true);
        await session.close();
        expect(await waitForExit(pid)).toBe(true);
    });

    it("fails with the pack's first stdout line when it is not a port", async () => {
        const err = await PackSession.open({ ...launch, packDir: path.join(packs, "noisy") }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toContain('policy pack wrote an invalid port to stdout: "hello from module scope"');
    });

    it("fails with the load error when the pack throws at start", async () => {
        const err = await PackSession.open({ ...launch, packDir: path.join(packs, "broken") }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toMatch(/policy pack exited before serving .*pack failed to load on purpose/);
    });

    it("fails clearly when the directory has no policy pack", async () => {
        const err = await PackSession.open({ ...launch, packDir: path.join(packs, "missing") }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
    });
});
