// The insecure example programs, previewed offline through the same path as `aiguard preview`:
// each shows violations in the four mission areas, and every check on SageMaker, Bedrock, Azure AI
// Services and Azure Machine Learning fires on at least one real program.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureProgram } from "../harness/capture/capture";
import type { PolicyConfigFile } from "../harness/config";
import { type Diagnostic, PackSession } from "../harness/engine";
import { policies } from "../policy-pack/policies";
import { packDir, projectRoot } from "./support/pack";

const missionAreas = ["model-storage", "network-isolation", "io-logging", "segmentation"];
const aiServices = [
    "aws:sagemaker/",
    "aws:bedrock/",
    "aws:bedrockmodel/",
    "azure-native:cognitiveservices:",
    "azure-native:machinelearningservices:",
];

interface Program {
    readonly dir: string;
    /** An insecure example, expected to show violations in every mission area. */
    readonly example: boolean;
    readonly policyConfig?: PolicyConfigFile;
}

const programs: readonly Program[] = [
    { dir: path.join(projectRoot, "examples", "aws-insecure"), example: true },
    {
        dir: path.join(projectRoot, "examples", "azure-insecure"),
        example: true,
        // The allowlist is empty by default, so it is given here the way a platform team would.
        policyConfig: { "ai-deployment-approved-models": { approvedModels: ["gpt-4o-mini"] } },
    },
    // A stack with a Bedrock agent and no guardrail at all, which the insecure example cannot be.
    { dir: path.join(__dirname, "fixtures", "programs", "bedrock-no-guardrail"), example: false },
];

const fired = new Map<string, Diagnostic[]>();

let session: PackSession;
beforeAll(async () => {
    session = await PackSession.open({ packDir, project: "examples", stack: "dev", dryRun: true });
    for (const program of programs) {
        const captured = await captureProgram(program.dir, { stack: "dev" });
        const result = await session.run({
            resources: captured.resources,
            dryRun: true,
            config: captured.config,
            ...(program.policyConfig ? { policyConfig: program.policyConfig } : {}),
        });
        fired.set(program.dir, [...result.diagnostics]);
    }
}, 180_000);
afterAll(async () => {
    await session?.close();
});

describe.each(programs.filter((p) => p.example).map((p) => [path.basename(p.dir), p] as const))(
    "examples/%s",
    (_, program) => {
        it("shows decided violations in each of the four mission areas", () => {
            const byId = new Map(policies.map((p) => [p.id, p]));
            const diagnostics = fired.get(program.dir) ?? [];
            const areas = new Set(diagnostics.filter((d) => !d.undecided).map((d) => byId.get(d.policy)?.area));
            for (const area of missionAreas) {
                expect(areas, `no ${area} violation`).toContain(area);
            }
        });
    },
);

describe("every check on an AI service fires on a previewed program", () => {
    const relevant = policies.filter((p) => p.resourceTypes.some((t) => aiServices.some((s) => t.startsWith(s))));
    it.each(relevant.map((p) => [p.id]))("%s", (id) => {
        const where = programs.filter((p) => (fired.get(p.dir) ?? []).some((d) => d.policy === id));
        expect(where.length, `${id} fired on no program`).toBeGreaterThan(0);
    });
});

describe("self-hosted models and front doors in the insecure examples are flagged", () => {
    const flagged = (dir: string, policy: string) =>
        (fired.get(path.join(projectRoot, "examples", dir)) ?? [])
            .filter((d) => d.policy === policy && !d.undecided)
            .map((d) => d.name);
    it.each([
        ["aws-insecure", "ai-eks-private-endpoint", "model-cluster"],
        ["aws-insecure", "ai-eks-secrets-encryption", "model-cluster"],
        ["aws-insecure", "ai-eks-node-group-remote-access", "gpu-nodes"],
        ["aws-insecure", "ai-compute-imdsv2", "vllm-server"],
        ["aws-insecure", "ai-instance-no-public-ip", "vllm-server"],
        ["aws-insecure", "ai-instance-ebs-cmk", "vllm-server"],
        ["azure-insecure", "ai-aks-private-api", "model-aks"],
        ["azure-insecure", "ai-aks-managed-identity", "model-aks"],
        ["azure-insecure", "ai-aks-local-accounts-disabled", "model-aks"],
        ["azure-insecure", "ai-aks-node-no-public-ip", "gpu-pool"],
        ["aws-insecure", "ai-lambda-url-auth", "chat-api-url"],
        ["aws-insecure", "ai-log-group-protected", "chat-api-logs"],
        ["azure-insecure", "ai-app-service-auth", "chat-func"],
        ["azure-insecure", "ai-app-service-https-tls", "chat-func"],
        ["azure-insecure", "ai-config-no-plaintext-secrets", "chat-func"],
        ["azure-insecure", "ai-apim-api-authentication", "openai-api"],
        ["azure-insecure", "ai-apim-gateway-tls", "openai-api"],
        ["azure-insecure", "ai-apim-gateway-tls", "genai-apim"],
    ])("examples/%s: %s flags %s", (dir, policy, name) => {
        expect(flagged(dir, policy)).toContain(name);
    });
});
