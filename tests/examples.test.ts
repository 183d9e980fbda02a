// The example programs, previewed offline through the same path as `aiguard preview`: every check
// on SageMaker, Bedrock, Azure AI Services and Azure Machine Learning fires on a real program, and
// the insecure examples show violations in each mission area.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureProgram } from "../harness/capture/capture";
import { type Diagnostic, PackSession } from "../harness/engine";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import { policies } from "../policy-pack/policies";
import { packDir, projectRoot } from "./support/pack";

const missionAreas = ["model-storage", "network-isolation", "io-logging", "segmentation"];

async function previewOf(session: PackSession, dir: string): Promise<Diagnostic[]> {
    const captured = await captureProgram(dir, { stack: "dev" });
    const result = await session.run({ resources: captured.resources, dryRun: true, config: captured.config });
    return [...result.diagnostics];
}

function touches(p: PolicyDefinition, prefixes: readonly string[]): boolean {
    return p.resourceTypes.some((t) => prefixes.some((prefix) => t.startsWith(prefix)));
}

const examples = [
    {
        name: "aws-insecure",
        services: ["aws:sagemaker/", "aws:bedrock/", "aws:bedrockmodel/"],
    },
    {
        name: "azure-insecure",
        services: ["azure-native:cognitiveservices:", "azure-native:machinelearningservices:"],
    },
];

describe.each(examples)("examples/$name", ({ name, services }) => {
    let session: PackSession;
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        session = await PackSession.open({ packDir, project: name, stack: "dev", dryRun: true });
        diagnostics = await previewOf(session, path.join(projectRoot, "examples", name));
    }, 120_000);
    afterAll(async () => {
        await session?.close();
    });

    it("shows decided violations in each of the four mission areas", () => {
        const byId = new Map(policies.map((p) => [p.id, p]));
        const areas = new Set(diagnostics.filter((d) => !d.undecided).map((d) => byId.get(d.policy)?.area));
        for (const area of missionAreas) {
            expect(areas, `no ${area} violation`).toContain(area);
        }
    });

    const relevant = policies.filter((p) => touches(p, services));
    it.each(relevant.map((p) => [p.id]))("exercises %s", (id) => {
        expect(diagnostics.filter((d) => d.policy === id).length, `${id} did not fire on examples/${name}`).toBeGreaterThan(0);
    });
});
