import type * as containerservice from "@pulumi/azure-native/containerservice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-aks-node-no-public-ip";

const clusterType = "azure-native:containerservice:ManagedCluster";
const poolType = "azure-native:containerservice:AgentPool";
const pool = (vmSize: string, enableNodePublicIP?: boolean): WireObject =>
    ({
        resourceGroupName: "rg-ml",
        resourceName: "models",
        vmSize,
        count: 1,
        ...(enableNodePublicIP === undefined ? {} : { enableNodePublicIP }),
    }) satisfies containerservice.AgentPoolArgs as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags GPU node pools with node public IPs, on AgentPool resources and cluster pool profiles", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(poolType, "gpu-public", pool("Standard_NC6s_v3", true)),
            resource(poolType, "gpu-private", pool("Standard_NC6s_v3", false)),
            resource(poolType, "gpu-default", pool("Standard_NC6s_v3")),
            resource(poolType, "cpu-public", pool("Standard_D4s_v5", true)),
            resource(clusterType, "cluster", {
                resourceGroupName: "rg-ml",
                dnsPrefix: "ml",
                agentPoolProfiles: [
                    { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2 },
                    {
                        name: "gpu",
                        mode: "User",
                        vmSize: "Standard_NV36ads_A10_v5",
                        count: 1,
                        enableNodePublicIP: true,
                    },
                ],
            } satisfies containerservice.ManagedClusterArgs as WireObject),
        ]);
        expect(r.violating).toEqual(["cluster", "gpu-public"]);
        expect(r.clean).toEqual(["cpu-public", "gpu-default", "gpu-private"]);
        expect(r.messages("cluster")[0]).toMatch(
            /^ManagedCluster 'cluster': agentPoolProfiles\[1\]\.enableNodePublicIP is true; expected false or not set\. Fix: /,
        );
    });

    it("leaves unknown values to pulumi up and judges secret values", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(poolType, "unknown", { ...pool("Standard_NC6s_v3"), enableNodePublicIP: unknown }),
            resource(poolType, "secret", { ...pool("Standard_NC6s_v3"), enableNodePublicIP: secret(true) }),
        ]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.violating).toEqual(["secret"]);
    });
});
