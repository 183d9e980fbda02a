// The layer of a finding is the layer of the AI workload its resource serves: the same open security
// group is a `paas` finding next to a SageMaker notebook and an `fm-api` finding next to an AgentCore
// runtime. Through main(), on a state file, as a user runs it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";

const project = "layers";
const urn = (type: string, name: string) => `urn:pulumi:dev::${project}::${type}::${name}`;
const sgType = "aws:ec2/securityGroup:SecurityGroup";
const openIngress = { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] };

function resource(type: string, name: string, props: object, propertyDependencies: Record<string, string[]> = {}) {
    return {
        urn: urn(type, name),
        custom: true,
        id: `${name}-id`,
        type,
        inputs: props,
        outputs: props,
        parent: urn("pulumi:pulumi:Stack", `${project}-dev`),
        dependencies: Object.values(propertyDependencies).flat(),
        propertyDependencies,
    };
}

function stateFile(): string {
    const resources = [
        { urn: urn("pulumi:pulumi:Stack", `${project}-dev`), custom: false, type: "pulumi:pulumi:Stack" },
        resource(sgType, "notebook-sg", openIngress),
        resource(
            "aws:sagemaker/notebookInstance:NotebookInstance",
            "lab",
            {
                instanceType: "ml.t3.medium",
                roleArn: "arn:aws:iam::123456789012:role/lab",
                securityGroups: ["notebook-sg-id"],
                subnetId: "subnet-1",
            },
            { securityGroups: [urn(sgType, "notebook-sg")] },
        ),
        resource(sgType, "agent-sg", openIngress),
        resource(
            "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
            "assistant",
            {
                agentRuntimeName: "assistant",
                roleArn: "arn:aws:iam::123456789012:role/assistant",
                networkConfiguration: {
                    networkMode: "VPC",
                    networkModeConfig: { securityGroups: ["agent-sg-id"], subnets: ["subnet-1"] },
                },
            },
            { networkConfiguration: [urn(sgType, "agent-sg")] },
        ),
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-layers-"));
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
    return file;
}

describe("the layer of a finding", () => {
    it("is the layer of the AI workload that the security group serves", async () => {
        const { code, stdout } = await aiguard("analyze", "--file", stateFile(), "--format", "json");
        expect(code).toBe(1);
        const report = JSON.parse(stdout) as Report;
        const layerOf = (name: string) =>
            report.violations.find((v) => v.policy === "ai-sg-no-public-ingress" && v.resource.name === name)?.layer;
        expect(layerOf("notebook-sg")).toBe("paas");
        expect(layerOf("agent-sg")).toBe("fm-api");
    });
});
