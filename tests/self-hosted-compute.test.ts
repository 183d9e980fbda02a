// Self-hosted model compute is AI in the `iaas` layer: accelerated instances, templates, node groups,
// node pools and VMs join the AI system with the size that decided it as the reason, and carry
// membership on to their subnets, clusters and launch templates. Through the pack and the CLI.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import type { PackSession } from "../harness/engine";
import type { WireObject } from "../harness/model";
import { isAwsAcceleratedInstanceType, isAzureGpuVmSize } from "../policy-pack/core/self-hosted-compute";
import { aiguard } from "./support/cli";
import { evaluate, openPack, resource, unknown } from "./support/pack";

describe("accelerator sizes", () => {
    it("recognises AWS accelerated families and not Graviton or general purpose ones", () => {
        const accelerated = [
            "p5.48xlarge",
            "p4d.24xlarge",
            "g5.xlarge",
            "g6e.12xlarge",
            "g4dn.xlarge",
            "gr6.4xlarge",
            "inf2.xlarge",
            "trn1.32xlarge",
            "dl1.24xlarge",
        ];
        const general = ["m7g.large", "c7g.xlarge", "t3.micro", "m5.xlarge", "r6g.large", "x2gd.large", "", "g5"];
        expect(accelerated.filter((t) => !isAwsAcceleratedInstanceType(t))).toEqual([]);
        expect(general.filter((t) => isAwsAcceleratedInstanceType(t))).toEqual([]);
    });

    it("recognises Azure N-series sizes only", () => {
        const gpu = [
            "Standard_NC6s_v3",
            "Standard_NC24ads_A100_v4",
            "Standard_ND96asr_v4",
            "Standard_NV36ads_A10_v5",
            "standard_nc4as_t4_v3",
        ];
        const other = ["Standard_D4s_v5", "Standard_E8s_v5", "Standard_B2s", "Standard_HB120rs_v3"];
        expect(gpu.filter((s) => !isAzureGpuVmSize(s))).toEqual([]);
        expect(other.filter((s) => isAzureGpuVmSize(s))).toEqual([]);
    });
});

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe("self-hosted model compute in the AI system", () => {
    it("judges untagged accelerated instances, and the launch template of a GPU node group, but not general-purpose ones", async () => {
        const instance = (instanceType: string): WireObject =>
            ({ ami: "ami-123", instanceType }) satisfies aws.ec2.InstanceArgs as WireObject;
        const group = (name: string, template: string, instanceTypes: string[]) =>
            resource(
                "aws:eks/nodeGroup:NodeGroup",
                name,
                {
                    clusterName: "models",
                    nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
                    subnetIds: ["subnet-1"],
                    instanceTypes,
                    scalingConfig: { desiredSize: 1, maxSize: 2, minSize: 0 },
                    launchTemplate: { id: unknown, version: "$Latest" },
                } satisfies aws.eks.NodeGroupArgs as unknown as WireObject,
                { propertyDependencies: { launchTemplate: [template] } },
            );
        const template = { imageId: "ami-123" } satisfies aws.ec2.LaunchTemplateArgs as WireObject;
        const r = await evaluate(pack, "ai-compute-imdsv2", [
            resource("aws:ec2/instance:Instance", "gpu", instance("g5.xlarge")),
            resource("aws:ec2/instance:Instance", "web", instance("m5.xlarge")),
            resource("aws:ec2/launchTemplate:LaunchTemplate", "gpu-template", template),
            group("gpu-nodes", "gpu-template", ["p4d.24xlarge"]),
            resource("aws:ec2/launchTemplate:LaunchTemplate", "web-template", template),
            group("web-nodes", "web-template", ["m5.large"]),
        ]);
        expect(r.violating).toEqual(["gpu", "gpu-template"]);
        expect(r.clean).toEqual(["gpu-nodes", "web", "web-nodes", "web-template"]);
    });

    it("puts the subnet of a GPU instance in the AI system, naming the instance", async () => {
        const r = await evaluate(pack, "ai-subnet-private", [
            resource("aws:ec2/subnet:Subnet", "models", {
                vpcId: "vpc-1",
                cidrBlock: "10.0.1.0/24",
                mapPublicIpOnLaunch: true,
            }),
            resource(
                "aws:ec2/instance:Instance",
                "trainer",
                {
                    ami: "ami-123",
                    instanceType: "trn1.32xlarge",
                    subnetId: unknown,
                } satisfies aws.ec2.InstanceArgs as WireObject,
                { propertyDependencies: { subnetId: ["models"] } },
            ),
            resource("aws:ec2/subnet:Subnet", "web", {
                vpcId: "vpc-1",
                cidrBlock: "10.0.2.0/24",
                mapPublicIpOnLaunch: true,
            }),
            resource(
                "aws:ec2/instance:Instance",
                "frontend",
                {
                    ami: "ami-123",
                    instanceType: "t3.micro",
                    subnetId: unknown,
                } satisfies aws.ec2.InstanceArgs as WireObject,
                { propertyDependencies: { subnetId: ["web"] } },
            ),
        ]);
        expect(r.violating).toEqual(["models"]);
        expect(r.messages("models")[0]).toContain(
            "(the subnet is in the AI system: referenced by aws:ec2/instance:Instance 'trainer')",
        );
    });

    it("judges the role assignments of a GPU VM's and an AKS GPU cluster's identities", async () => {
        const contributor =
            "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c";
        const assignment = (name: string, principal: string) =>
            resource(
                "azure-native:authorization:RoleAssignment",
                name,
                {
                    principalId: unknown,
                    principalType: "ServicePrincipal",
                    roleDefinitionId: contributor,
                    scope: "/subscriptions/0000/resourceGroups/rg-ml",
                },
                { propertyDependencies: { principalId: [principal] } },
            );
        const r = await evaluate(pack, "ai-identity-least-privilege", [
            resource("azure-native:compute:VirtualMachine", "llm-vm", {
                resourceGroupName: "rg-ml",
                hardwareProfile: { vmSize: "Standard_NC24ads_A100_v4" },
                identity: { type: "SystemAssigned" },
            }),
            assignment("llm-vm-contributor", "llm-vm"),
            resource("azure-native:containerservice:ManagedCluster", "models", {
                resourceGroupName: "rg-ml",
                identity: { type: "SystemAssigned" },
                agentPoolProfiles: [{ name: "gpu", vmSize: "Standard_ND96asr_v4", count: 1 }],
            }),
            assignment("models-contributor", "models"),
            resource("azure-native:compute:VirtualMachine", "web-vm", {
                resourceGroupName: "rg-ml",
                hardwareProfile: { vmSize: "Standard_D4s_v5" },
                identity: { type: "SystemAssigned" },
            }),
            assignment("web-vm-contributor", "web-vm"),
        ]);
        expect(r.violating).toEqual(["llm-vm-contributor", "models-contributor"]);
    });

    it("reports findings about the network of self-hosted compute in the iaas layer", async () => {
        const project = "iaas";
        const urn = (type: string, name: string) => `urn:pulumi:dev::${project}::${type}::${name}`;
        const state = (type: string, name: string, props: object, deps: Record<string, string[]> = {}) => ({
            urn: urn(type, name),
            custom: true,
            id: `${name}-id`,
            type,
            inputs: props,
            outputs: props,
            parent: urn("pulumi:pulumi:Stack", `${project}-dev`),
            dependencies: Object.values(deps).flat(),
            propertyDependencies: deps,
        });
        const subnetType = "aws:ec2/subnet:Subnet";
        const resources = [
            { urn: urn("pulumi:pulumi:Stack", `${project}-dev`), custom: false, type: "pulumi:pulumi:Stack" },
            state(subnetType, "gpu-subnet", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true }),
            state(
                "aws:ec2/instance:Instance",
                "llm",
                {
                    ami: "ami-123",
                    instanceType: "g6e.12xlarge",
                    subnetId: "gpu-subnet-id",
                    metadataOptions: { httpTokens: "required" },
                },
                { subnetId: [urn(subnetType, "gpu-subnet")] },
            ),
        ];
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-iaas-"));
        const file = path.join(dir, "state.json");
        fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
        const { stdout } = await aiguard("analyze", "--file", file, "--format", "json");
        const report = JSON.parse(stdout) as Report;
        const subnet = report.violations.find((v) => v.policy === "ai-subnet-private");
        expect(subnet?.resource.name).toBe("gpu-subnet");
        expect(subnet?.layer).toBe("iaas");
        const instance = report.violations.filter((v) => v.resource.name === "llm").map((v) => [v.policy, v.layer]);
        expect(instance).toEqual([["ai-instance-ebs-cmk", "iaas"]]);
    });
});
