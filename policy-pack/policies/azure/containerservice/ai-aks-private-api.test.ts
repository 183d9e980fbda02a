import type * as containerservice from "@pulumi/azure-native/containerservice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-aks-private-api";

const clusterType = "azure-native:containerservice:ManagedCluster";
type Access = containerservice.ManagedClusterArgs["apiServerAccessProfile"];
const gpuPool = { name: "gpu", mode: "User", vmSize: "Standard_NC24ads_A100_v4", count: 1 };
const cluster = (apiServerAccessProfile: Access | undefined, pools = [gpuPool]): WireObject =>
    ({
        resourceGroupName: "rg-ml",
        dnsPrefix: "ml",
        agentPoolProfiles: pools,
        ...(apiServerAccessProfile ? { apiServerAccessProfile } : {}),
    }) satisfies containerservice.ManagedClusterArgs as unknown as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags GPU clusters with an open public API server and passes private or restricted ones", async () => {
        const cpuPool = { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2 };
        const r = await evaluate(pack, policy.id, [
            resource(clusterType, "default", cluster(undefined)),
            resource(clusterType, "anywhere", cluster({ authorizedIPRanges: ["0.0.0.0/0"] })),
            resource(clusterType, "private", cluster({ enablePrivateCluster: true })),
            resource(clusterType, "restricted", cluster({ authorizedIPRanges: ["203.0.113.0/24"] })),
            resource(clusterType, "cpu-only", cluster(undefined, [cpuPool])),
        ]);
        expect(r.violating).toEqual(["anywhere", "default"]);
        expect(r.clean).toEqual(["cpu-only", "private", "restricted"]);
        expect(r.messages("default")[0]).toMatch(
            /^ManagedCluster 'default': apiServerAccessProfile is a public API server open to every address .*; expected enablePrivateCluster true, .*\. Fix: /,
        );
    });

    it("joins a cluster through a GPU AgentPool resource that names it", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(
                clusterType,
                "models",
                cluster(undefined, [{ name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2 }]),
            ),
            resource(
                "azure-native:containerservice:AgentPool",
                "a100",
                { resourceGroupName: "rg-ml", resourceName: unknown, vmSize: "Standard_ND96asr_v4", count: 1 },
                { propertyDependencies: { resourceName: ["models"] } },
            ),
        ]);
        expect(r.violating).toEqual(["models"]);
    });

    it("leaves unknown values to pulumi up and judges secret values", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(clusterType, "unknown-private", cluster({ enablePrivateCluster: unknown as never })),
            resource(clusterType, "unknown-ranges", cluster({ authorizedIPRanges: unknown as never })),
            resource(clusterType, "secret-private", cluster({ enablePrivateCluster: secret(true) as never })),
            resource(clusterType, "secret-public", cluster({ enablePrivateCluster: secret(false) as never })),
        ]);
        expect(r.undecided).toEqual(["unknown-private", "unknown-ranges"]);
        expect(r.violating).toEqual(["secret-public"]);
        expect(r.clean).toEqual(["secret-private"]);
    });
});
