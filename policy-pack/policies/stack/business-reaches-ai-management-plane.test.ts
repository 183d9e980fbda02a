import type * as aws from "@pulumi/aws";
import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../harness/engine";
import type { WireObject } from "../../../harness/model";
import { evaluate, openPack, resource, unknown } from "../../../tests/support/pack";
import { peering } from "../../../tests/support/stack-graph-fixtures";
import { parseMessage } from "../../core/message";

const id = "business-reaches-ai-management-plane";

const notebookIn = (name: string, subnet: string) =>
    resource(
        "aws:sagemaker/notebookInstance:NotebookInstance",
        name,
        {
            instanceType: "ml.t3.medium",
            roleArn: "arn:aws:iam::123456789012:role/nb",
            subnetId: unknown,
            directInternetAccess: "Disabled",
        } satisfies aws.sagemaker.NotebookInstanceArgs as WireObject,
        { propertyDependencies: { subnetId: [subnet] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a notebook a business VPC reaches over a peering, and not one in an unpeered VPC", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:ec2/vpc:Vpc", "erp", { tags: { "aiguard:system": "business" } }),
            resource("aws:ec2/vpc:Vpc", "ml", {}),
            resource("aws:ec2/subnet:Subnet", "ml-a", { vpcId: unknown }, { propertyDependencies: { vpcId: ["ml"] } }),
            notebookIn("research", "ml-a"),
            peering("erp-ml", "erp", "ml"),
            resource("aws:ec2/vpc:Vpc", "lab", {}),
            resource(
                "aws:ec2/subnet:Subnet",
                "lab-a",
                { vpcId: unknown },
                { propertyDependencies: { vpcId: ["lab"] } },
            ),
            notebookIn("isolated", "lab-a"),
        ]);
        expect(r.violating).toEqual(["research"]);
        expect(parseMessage(r.messages("research")[0] as string)?.findings).toEqual([
            {
                setting: "network path from a business system",
                found: "Vpc 'erp' (business: tagged as a business system) -[peering]-> VpcPeeringConnection 'erp-ml' -[peering]-> Vpc 'ml' -[vpcId]-> Subnet 'ml-a' -[subnetId]-> NotebookInstance 'research' (AI)",
                expected:
                    "no network path from a business system to the AI management plane, or an allowedFlows entry that covers it",
            },
        ]);
    });

    it("flags an Azure ML workspace whose private endpoint sits in a subnet of a business VNet", async () => {
        const r = await evaluate(pack, id, [
            resource("azure-native:network:VirtualNetwork", "erp-vnet", {
                resourceGroupName: "rg",
                tags: { "aiguard:system": "business" },
            } satisfies azure.network.VirtualNetworkArgs as WireObject),
            resource(
                "azure-native:network:Subnet",
                "erp-endpoints",
                {
                    resourceGroupName: "rg",
                    virtualNetworkName: unknown,
                    addressPrefix: "10.1.2.0/24",
                } satisfies azure.network.SubnetArgs as WireObject,
                { propertyDependencies: { virtualNetworkName: ["erp-vnet"] } },
            ),
            resource("azure-native:machinelearningservices:Workspace", "ws", { resourceGroupName: "rg" }),
            resource(
                "azure-native:network:PrivateEndpoint",
                "ws-pe",
                {
                    resourceGroupName: "rg",
                    subnet: { id: unknown },
                    privateLinkServiceConnections: [
                        { name: "ws", privateLinkServiceId: unknown, groupIds: ["amlworkspace"] },
                    ],
                } satisfies azure.network.PrivateEndpointArgs as WireObject,
                { propertyDependencies: { subnet: ["erp-endpoints"], privateLinkServiceConnections: ["ws"] } },
            ),
        ]);
        expect(r.violating).toEqual(["ws"]);
        expect(r.messages("ws")[0]).toContain(
            "VirtualNetwork 'erp-vnet' (business: tagged as a business system) -[virtualNetworkName]-> Subnet 'erp-endpoints' -[subnet]-> PrivateEndpoint 'ws-pe' -[private endpoint]-> Workspace 'ws' (AI)",
        );
    });
});
