// Invariants of the single source of truth: every policy file is in the catalog, every cited
// control exists in the canonical lists, the metadata is complete, the docs are current, and the
// pack serves exactly this metadata.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPolicyReference } from "../cli/render/markdown";
import type { PackSession } from "../harness/engine";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import { controlStatus, isAi6001Risk } from "../policy-pack/core/frameworks";
import {
    areas,
    type Control,
    clouds,
    controlRelations,
    frameworks,
    layers,
    peerTools,
    severities,
} from "../policy-pack/core/vocabulary";
import { isVerifiedPair, loadPeerChecks, peerKey } from "../policy-pack/peers";
import { policies } from "../policy-pack/policies";
import { openPack, projectRoot } from "./support/pack";

const policiesDir = path.join(projectRoot, "policy-pack", "policies");

function policyFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
            return policyFiles(full);
        }
        return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && e.name !== "index.ts" ? [full] : [];
    });
}

/** Threats are mitigated; controls, subcategories, actions and mitigations are implemented or supported. */
function expectedRelation(c: Control): string {
    const threat =
        c.framework === "owasp-llm" ||
        (c.framework === "mitre-atlas" && /^AML\.T\d/.test(c.id)) ||
        (c.framework === "nist-ai-600-1" && isAi6001Risk(c.id));
    if (threat) {
        return "mitigates";
    }
    return c.relation === "supports" ? "supports" : "implements";
}

describe("policy catalog", () => {
    it("holds every policy file, each under its own id, with a test beside it", async () => {
        const files = policyFiles(policiesDir);
        expect(files.length).toBe(policies.length);
        for (const file of files) {
            const mod = (await import(file)) as { default: PolicyDefinition };
            expect(policies, `${path.relative(projectRoot, file)} is not in the catalog`).toContain(mod.default);
            expect(path.basename(file, ".ts")).toBe(mod.default.id);
            expect(fs.existsSync(file.replace(/\.ts$/, ".test.ts")), `${mod.default.id} has no test`).toBe(true);
        }
    });

    it("has unique kebab-case ids", () => {
        const ids = policies.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
            expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
    });

    it.each(policies.map((p) => [p.id, p] as const))(
        "%s uses the contract's vocabulary and complete metadata",
        (_, p) => {
            expect(clouds).toContain(p.cloud);
            expect(areas).toContain(p.area);
            expect(layers).toContain(p.layer);
            expect(severities).toContain(p.severity);
            expect(["advisory", "mandatory"]).toContain(p.enforcementLevel);
            expect(p.description).toMatch(/^[A-Z].*\.$/);
            expect(p.remediation.length).toBeGreaterThan(0);
            expect(p.resourceTypes.length).toBeGreaterThan(0);
            for (const t of p.resourceTypes) {
                expect(t).toMatch(/^[a-z-]+:[A-Za-z0-9/]+:[A-Za-z0-9]+$/);
            }
            for (const peer of p.peers) {
                expect(peerTools).toContain(peer.tool);
                expect(peer.id.trim()).not.toBe("");
            }
            expect(p.controls.some((c) => c.framework === "nist-800-53")).toBe(true);
            expect(p.controls.some((c) => c.framework === "mitre-atlas")).toBe(true);
        },
    );

    it.each(policies.map((p) => [p.id, p] as const))("%s cites only controls in the canonical lists", (_, p) => {
        for (const c of p.controls) {
            expect(frameworks).toContain(c.framework);
            expect(`${c.framework}:${c.id} ${controlStatus(c.framework, c.id)}`).toBe(`${c.framework}:${c.id} known`);
        }
    });

    it("rejects an unknown or withdrawn control id", () => {
        expect(controlStatus("nist-800-53", "SC-7(5)")).toBe("known");
        expect(controlStatus("nist-800-53", "SC-99")).toBe("unknown");
        expect(controlStatus("nist-800-53", "AC-2(10)")).toBe("withdrawn");
        expect(controlStatus("mitre-atlas", "AML.M0019")).toBe("known");
        expect(controlStatus("mitre-atlas", "AML.M9999")).toBe("unknown");
        expect(controlStatus("owasp-llm", "LLM02")).toBe("known");
        expect(controlStatus("owasp-llm", "LLM02:2025")).toBe("unknown");
        expect(controlStatus("iso-27001", "A.8.20")).toBe("known");
        expect(controlStatus("iso-27001", "8.20")).toBe("unknown");
        expect(controlStatus("nist-ai-600-1", "MS-2.7-001")).toBe("known");
        expect(controlStatus("nist-ai-600-1", "information-security")).toBe("known");
        expect(controlStatus("nist-ai-600-1", "MS-2.7")).toBe("unknown");
        expect(controlStatus("nist-ai-600-1", "MS-9.9-999")).toBe("unknown");
        expect(controlStatus("nist-ai-600-1", "prompt-injection")).toBe("unknown");
    });

    it.each(policies.map((p) => [p.id, p] as const))(
        "%s says how it relates to each citation, with a one-line rationale",
        (_, p) => {
            for (const c of p.controls) {
                const where = `${p.id} ${c.framework}:${c.id}`;
                expect(controlRelations, where).toContain(c.relation);
                expect(c.rationale, where).toMatch(/^[A-Z].*\.$/);
                expect(c.rationale, where).not.toMatch(/\n/);
                expect(c.rationale.length, where).toBeLessThanOrEqual(240);
                expect(`${where} ${c.relation}`).toBe(`${where} ${expectedRelation(c)}`);
            }
            const keys = p.controls.map((c) => `${c.framework}:${c.id}`);
            expect(new Set(keys).size, `${p.id} cites an id twice`).toBe(keys.length);
        },
    );

    it.each(policies.map((p) => [p.id, p] as const))(
        "%s cites only catalogued peers that inspect a resource type it checks",
        (_, p) => {
            const catalog = new Map(loadPeerChecks().map((c) => [peerKey(c.tool, c.id), c]));
            for (const peer of p.peers) {
                const check = catalog.get(peerKey(peer.tool, peer.id));
                expect(check, `${peer.tool}:${peer.id} is not in policy-pack/peers/peer-checks.json`).toBeDefined();
                if (check) {
                    expect(check.title.length, `${peer.tool}:${peer.id} has no title`).toBeGreaterThan(5);
                    expect(
                        isVerifiedPair(p.resourceTypes, check),
                        `${peer.tool}:${peer.id} inspects ${(check.resourceTypes ?? []).join(", ") || "no listed type"}`,
                    ).toBe(true);
                }
            }
        },
    );

    it("cites no AI RMF, ISO/IEC 42001 or OWASP LLM id on more than a third of the policies", () => {
        const counts = new Map<string, number>();
        for (const p of policies) {
            for (const c of p.controls) {
                if (c.framework === "nist-ai-rmf" || c.framework === "iso-42001" || c.framework === "owasp-llm") {
                    const key = `${c.framework}:${c.id}`;
                    counts.set(key, (counts.get(key) ?? 0) + 1);
                }
            }
        }
        const overused = [...counts].filter(([, n]) => n > policies.length / 3).map(([k, n]) => `${k} (${n})`);
        expect(overused).toEqual([]);
    });

    it("shares a whole control list only between policies of the same area (the same setting on sibling types)", () => {
        const groups = new Map<string, string[]>();
        for (const p of policies) {
            const key = p.controls
                .map((c) => `${c.framework}:${c.id}:${c.relation}`)
                .sort()
                .join("|");
            groups.set(key, [...(groups.get(key) ?? []), p.id]);
        }
        const byId = new Map(policies.map((p) => [p.id, p]));
        for (const ids of groups.values()) {
            const areasOf = new Set(ids.map((id) => byId.get(id)?.area));
            expect(areasOf.size, `${ids.join(", ")} share a control list across areas`).toBe(1);
        }
    });

    it("files no network or identity policy under data-plane, which is for stores, registries, keys and log sinks", () => {
        // Types that guard an AI workload rather than hold its data: their findings take the layer of
        // the workload they serve (see the classification's layerOf), and their policies declare one.
        const guardTypes =
            /^(aws:ec2\/(securityGroup|securityGroupRule|subnet|vpcPeeringConnection|route|routeTable)|aws:vpc\/|aws:iam\/|azure-native:network:(NetworkSecurityGroup|SecurityRule|VirtualNetworkPeering|Subnet)|azure-native:authorization:)/;
        const misfiled = policies
            .filter((p) => p.layer === "data-plane" && p.resourceTypes.every((t) => guardTypes.test(t)))
            .map((p) => p.id);
        expect(misfiled).toEqual([]);
    });

    it("keeps docs/policies.md equal to what `npm run docs` generates", () => {
        const committed = fs.readFileSync(path.join(projectRoot, "docs", "policies.md"), "utf8");
        expect(committed).toBe(renderPolicyReference(policies));
    });
});

describe("metadata the pack serves (GetAnalyzerInfo)", () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("is named aiguard with the policy pack's version", () => {
        const version = JSON.parse(
            fs.readFileSync(path.join(projectRoot, "policy-pack", "package.json"), "utf8"),
        ).version;
        expect(pack.info).toMatchObject({ name: "aiguard", version, supportsConfig: true });
        expect(pack.info.policies.map((p) => p.name)).toEqual(policies.map((p) => p.id));
    });

    it.each(policies.map((p) => [p.id, p] as const))(
        "serves %s with severity, framework, tags, remediation and url from its definition",
        (id, p) => {
            const served = pack.info.policies.find((x) => x.name === id);
            const primary = p.controls.find((c) => c.framework === "nist-800-53");
            expect(served).toMatchObject({
                description: p.description,
                enforcementLevel: p.enforcementLevel,
                kind: p.kind,
                severity: p.severity,
                framework: { name: "nist-800-53", version: "5", reference: primary?.id },
                remediationSteps: p.remediation.join("\n"),
                url: `docs/policies.md#${id}`,
            });
            expect(served?.tags).toEqual([
                `area:${p.area}`,
                `layer:${p.layer}`,
                `cloud:${p.cloud}`,
                ...p.controls.map((c) => `${c.framework}:${c.id}`),
                ...p.peers.map((x) => `${x.tool}:${x.id}`),
            ]);
            if (p.kind === "stack") {
                expect(Object.keys(served?.configSchema?.properties ?? {})).toEqual(
                    expect.arrayContaining(["aiTags", "businessTags"]),
                );
            }
        },
    );
});
