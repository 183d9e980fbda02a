import * as fs from "node:fs";
import { InputError, UsageError } from "../../harness/errors";
import type { PolicyDefinition } from "../../policy-pack/core/definition";
import { type Framework, frameworks } from "../../policy-pack/core/vocabulary";
import { loadPeerChecks } from "../../policy-pack/peers";
import { policies } from "../../policy-pack/policies";
import type { Io } from "../io";
import { documentTime } from "../oscal/time";
import { metadataFromAnalyzerInfo, metadataFromCatalog } from "../pack-metadata";
import { computeCoverage, renderCoverage } from "../render/coverage";
import { renderCrosswalk } from "../render/crosswalk";
import { renderPolicyReference } from "../render/markdown";
import { renderOscalComponent } from "../render/oscal-component";
import { servedPackInfo } from "../served-pack";

export function policyListing(list: readonly PolicyDefinition[]) {
    return {
        policies: list.map((p) => ({
            id: p.id,
            cloud: p.cloud,
            kind: p.kind,
            area: p.area,
            layer: p.layer,
            severity: p.severity,
            enforcementLevel: p.enforcementLevel,
            controls: p.controls,
            peers: p.peers,
            description: p.description,
        })),
    };
}

function writeOut(text: string, io: Io, output: string | undefined): void {
    if (output === undefined) {
        io.stdout(text);
        return;
    }
    try {
        fs.writeFileSync(output, text);
    } catch (e) {
        throw new InputError(output, `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

export function showCoverage(format: "markdown" | "json", io: Io, output?: string): number {
    const checks = loadPeerChecks();
    const text =
        format === "json"
            ? `${JSON.stringify({ coverage: computeCoverage(policies, checks) }, null, 2)}\n`
            : renderCoverage(policies, checks);
    writeOut(text, io, output);
    return 0;
}

export function showCrosswalk(framework: unknown, io: Io, output?: string): number {
    if (typeof framework !== "string" || !(frameworks as readonly string[]).includes(framework)) {
        throw new UsageError(`--format crosswalk needs --framework, one of ${frameworks.join(", ")}`);
    }
    writeOut(renderCrosswalk(framework as Framework, policies), io, output);
    return 0;
}

export type ListingFormat = "text" | "json" | "markdown";

export function listPolicies(format: ListingFormat, io: Io, output?: string): number {
    const emit = (text: string) => writeOut(text, io, output);
    if (format === "json") {
        emit(`${JSON.stringify(policyListing(policies), null, 2)}\n`);
        return 0;
    }
    if (format === "markdown") {
        emit(renderPolicyReference(policies));
        return 0;
    }
    const rows = policies.map((p) => [p.id, p.cloud, p.kind, p.area, p.layer, p.severity, p.enforcementLevel]);
    const header = ["ID", "CLOUD", "KIND", "AREA", "LAYER", "SEVERITY", "ENFORCEMENT"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: string[]) =>
        cells
            .map((c, i) => c.padEnd(widths[i] as number))
            .join("  ")
            .trimEnd();
    const out = [line(header)];
    for (const p of policies) {
        out.push(line([p.id, p.cloud, p.kind, p.area, p.layer, p.severity, p.enforcementLevel]));
        out.push(`    ${p.description}`);
        out.push(`    controls: ${p.controls.map((c) => `${c.framework}:${c.id}`).join(", ")}`);
        if (p.peers.length > 0) {
            out.push(`    peers: ${p.peers.map((c) => `${c.tool}:${c.id}`).join(", ")}`);
        }
    }
    out.push("", `${policies.length} policies.`);
    emit(`${out.join("\n")}\n`);
    return 0;
}

/** The pack as an OSCAL component definition: this pack from its catalog, another as it states itself. */
export async function showComponentDefinition(io: Io, output?: string, packDir?: string): Promise<number> {
    const pack =
        packDir === undefined
            ? metadataFromCatalog(policies)
            : metadataFromAnalyzerInfo(await servedPackInfo(packDir), policies);
    writeOut(renderOscalComponent(pack, documentTime()), io, output);
    return 0;
}
