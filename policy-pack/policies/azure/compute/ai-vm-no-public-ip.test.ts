import type * as compute from "@pulumi/azure-native/compute";
import type * as network from "@pulumi/azure-native/network";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-vm-no-public-ip";

const vmType = "azure-native:compute:VirtualMachine";
const nicType = "azure-native:network:NetworkInterface";
const gpu = { vmSize: "Standard_NC6s_v3" };
const inline = (publicIp: boolean, vmSize = gpu.vmSize): WireObject =>
    ({
        resourceGroupName: "rg-ml",
        hardwareProfile: { vmSize },
        networkProfile: {
            networkApiVersion: "2020-11-01",
            networkInterfaceConfigurations: [
                {
                    name: "nic",
                    ipConfigurations: [
                        {
                            name: "ip",
                            subnet: {
                                id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
                            },
                            ...(publicIp ? { publicIPAddressConfiguration: { name: "pip" } } : {}),
                        },
                    ],
                },
            ],
        },
    }) satisfies compute.VirtualMachineArgs as unknown as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags GPU VMs that create a public IP inline, and passes private or CPU-only VMs", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(vmType, "public", inline(true)),
            resource(vmType, "private", inline(false)),
            resource(vmType, "cpu-public", inline(true, "Standard_D4s_v5")),
        ]);
        expect(r.violating).toEqual(["public"]);
        expect(r.clean).toEqual(["cpu-public", "private"]);
        expect(r.messages("public")[0]).toMatch(
            /^VirtualMachine 'public': networkProfile\.networkInterfaceConfigurations\[0\]\.ipConfigurations\[0\]\.publicIPAddressConfiguration is set \(the VM gets a public IP address\); expected not set\. Fix: /,
        );
    });

    it("reports a public IP on a network interface the GPU VM uses on the interface", async () => {
        const nic = (name: string, publicIPAddress?: unknown) =>
            resource(nicType, name, {
                resourceGroupName: "rg-ml",
                ipConfigurations: [
                    {
                        name: "ip",
                        subnet: {
                            id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
                        },
                        ...(publicIPAddress === undefined ? {} : { publicIPAddress: publicIPAddress as never }),
                    },
                ],
            } satisfies network.NetworkInterfaceArgs as unknown as WireObject);
        const vm = (name: string, nicName: string) =>
            resource(
                vmType,
                name,
                {
                    resourceGroupName: "rg-ml",
                    hardwareProfile: gpu,
                    networkProfile: { networkInterfaces: [{ id: unknown }] },
                },
                { propertyDependencies: { networkProfile: [nicName] } },
            );
        const r = await evaluate(pack, policy.id, [
            nic("nic-public", { id: unknown }),
            vm("vm-a", "nic-public"),
            nic("nic-private"),
            vm("vm-b", "nic-private"),
            nic("nic-secret", secret({ id: "/subscriptions/0000/publicIPAddresses/pip" })),
            vm("vm-c", "nic-secret"),
        ]);
        expect(r.violating).toEqual(["nic-public", "nic-secret"]);
        expect(r.messages("nic-public")[0]).toContain("the interface of VM 'vm-a' gets a public IP address");
        expect(r.messages("nic-secret").join("\n")).not.toContain("publicIPAddresses/pip");
    });

    it("leaves an unknown public IP configuration to pulumi up", async () => {
        const vm = inline(true) as {
            networkProfile: { networkInterfaceConfigurations: { ipConfigurations: Record<string, unknown>[] }[] };
        };
        const config = vm.networkProfile.networkInterfaceConfigurations[0]?.ipConfigurations[0] as Record<
            string,
            unknown
        >;
        config.publicIPAddressConfiguration = unknown;
        const r = await evaluate(pack, policy.id, [resource(vmType, "unknown", vm as unknown as WireObject)]);
        expect(r.undecided).toEqual(["unknown"]);
    });
});
