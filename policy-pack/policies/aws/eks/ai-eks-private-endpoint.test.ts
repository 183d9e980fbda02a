import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-eks-private-endpoint";

const clusterType = "aws:eks/cluster:Cluster";
const cluster = (
    vpcConfig: Omit<aws.types.input.eks.ClusterVpcConfig, "subnetIds">,
    tags: Record<string, string> = { "aiguard:system": "ai" },
): WireObject =>
    ({
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { ...vpcConfig, subnetIds: ["subnet-1"] },
        tags,
    }) satisfies aws.eks.ClusterArgs as WireObject;

/** A GPU node group that joins the cluster it names, the way `clusterName: cluster.name` does. */
const gpuNodes = (clusterName: string) =>
    resource(
        "aws:eks/nodeGroup:NodeGroup",
        `${clusterName}-gpu`,
        {
            clusterName: unknown,
            nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
            subnetIds: ["subnet-1"],
            instanceTypes: ["g5.2xlarge"],
            scalingConfig: { desiredSize: 1, maxSize: 2, minSize: 0 },
        } satisfies aws.eks.NodeGroupArgs as WireObject,
        { propertyDependencies: { clusterName: [clusterName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags clusters of GPU node groups whose API is open to the internet, and passes private or restricted ones", async () => {
        const untagged = {};
        const r = await evaluate(pack, policy.id, [
            resource(clusterType, "default", cluster({}, untagged)),
            gpuNodes("default"),
            resource(clusterType, "anywhere", cluster({ publicAccessCidrs: ["10.0.0.0/8", "0.0.0.0/0"] })),
            resource(clusterType, "private", cluster({ endpointPublicAccess: false, endpointPrivateAccess: true })),
            resource(
                clusterType,
                "restricted",
                cluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
            ),
            resource(clusterType, "cpu-only", cluster({}, untagged)),
        ]);
        expect(r.violating).toEqual(["anywhere", "default"]);
        expect(r.clean).toEqual(["cpu-only", "default-gpu", "private", "restricted"]);
        expect(r.messages("default")[0]).toMatch(
            /^Cluster 'default': vpcConfig\.publicAccessCidrs is not set \(provider default \["0\.0\.0\.0\/0"\]\) with the public endpoint on by default; expected .*\. Fix: Set vpcConfig\.endpointPublicAccess to false/,
        );
        expect(r.messages("anywhere")[0]).toContain('vpcConfig.publicAccessCidrs[1] is "0.0.0.0/0"');
    });

    it("leaves unknown values to pulumi up and judges secret values without printing them", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(clusterType, "unknown-access", cluster({ endpointPublicAccess: unknown as never })),
            resource(clusterType, "unknown-cidrs", cluster({ publicAccessCidrs: unknown as never })),
            resource(clusterType, "secret-open", cluster({ endpointPublicAccess: secret(true) as never })),
            resource(clusterType, "secret-closed", cluster({ endpointPublicAccess: secret(false) as never })),
        ]);
        expect(r.undecided).toEqual(["unknown-access", "unknown-cidrs"]);
        expect(r.violating).toEqual(["secret-open"]);
        expect(r.clean).toEqual(["secret-closed"]);
    });
});
