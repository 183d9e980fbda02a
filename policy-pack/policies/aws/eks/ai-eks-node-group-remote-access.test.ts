import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-eks-node-group-remote-access";

const groupType = "aws:eks/nodeGroup:NodeGroup";
const group = (extra: Partial<aws.eks.NodeGroupArgs>, instanceTypes = ["g5.2xlarge"]): WireObject =>
    ({
        clusterName: "models",
        nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
        subnetIds: ["subnet-1"],
        instanceTypes,
        scalingConfig: { desiredSize: 1, maxSize: 2, minSize: 0 },
        ...extra,
    }) satisfies aws.eks.NodeGroupArgs as unknown as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags GPU node groups with SSH open to the internet and passes restricted or absent remote access", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(groupType, "open", group({ remoteAccess: { ec2SshKey: "ops" } })),
            resource(
                groupType,
                "empty-sources",
                group({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [] } }),
            ),
            resource(
                groupType,
                "restricted",
                group({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-1"] } }),
            ),
            resource(
                groupType,
                "computed-sources",
                group({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: unknown as never } }),
            ),
            resource(groupType, "none", group({})),
            resource(
                groupType,
                "neuron-ami",
                group({ amiType: "AL2023_x86_64_NEURON", remoteAccess: { ec2SshKey: "ops" } }, ["m5.large"]),
            ),
            resource(groupType, "cpu", group({ remoteAccess: { ec2SshKey: "ops" } }, ["m5.large"])),
        ]);
        expect(r.violating).toEqual(["empty-sources", "neuron-ami", "open"]);
        expect(r.clean).toEqual(["computed-sources", "cpu", "none", "restricted"]);
        expect(r.messages("open")[0]).toMatch(
            /^NodeGroup 'open': remoteAccess\.sourceSecurityGroupIds is not set with an ec2SshKey \(SSH open to 0\.0\.0\.0\/0\); expected .*\. Fix: /,
        );
    });

    it("leaves an unknown key to pulumi up and never prints a secret key name", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(groupType, "unknown-key", group({ remoteAccess: { ec2SshKey: unknown } })),
            resource(groupType, "secret-key", group({ remoteAccess: { ec2SshKey: secret("ops-key-2024") as never } })),
        ]);
        expect(r.undecided).toEqual(["unknown-key"]);
        expect(r.violating).toEqual(["secret-key"]);
        expect(r.messages("secret-key").join("\n")).not.toContain("ops-key-2024");
    });
});
