import type * as compute from "@pulumi/azure-native/compute";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-vm-disk-encryption";

const vmType = "azure-native:compute:VirtualMachine";
const scaleSetType = "azure-native:compute:VirtualMachineScaleSet";
const desId = "/subscriptions/0000/resourceGroups/rg-ml/providers/Microsoft.Compute/diskEncryptionSets/des";
const vm = (extra: Partial<compute.VirtualMachineArgs>, vmSize = "Standard_NC24ads_A100_v4"): WireObject =>
    ({
        resourceGroupName: "rg-ml",
        hardwareProfile: { vmSize },
        ...extra,
    }) satisfies compute.VirtualMachineArgs as unknown as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags GPU VMs and scale sets with platform-key disks only, and passes encryption at host or a disk encryption set", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(vmType, "default", vm({})),
            resource(vmType, "at-host", vm({ securityProfile: { encryptionAtHost: true } })),
            resource(
                vmType,
                "des",
                vm({
                    storageProfile: {
                        osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: desId } } },
                    },
                }),
            ),
            resource(
                vmType,
                "des-unknown",
                vm({
                    storageProfile: {
                        osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: unknown } } },
                    },
                }),
            ),
            resource(vmType, "cpu", vm({}, "Standard_D4s_v5")),
            resource(scaleSetType, "vmss-default", {
                resourceGroupName: "rg-ml",
                sku: { name: "Standard_ND40rs_v2", capacity: 2 },
            } satisfies compute.VirtualMachineScaleSetArgs as WireObject),
            resource(scaleSetType, "vmss-at-host", {
                resourceGroupName: "rg-ml",
                sku: { name: "Standard_ND40rs_v2", capacity: 2 },
                virtualMachineProfile: { securityProfile: { encryptionAtHost: true } },
            } satisfies compute.VirtualMachineScaleSetArgs as WireObject),
        ]);
        expect(r.violating).toEqual(["default", "vmss-default"]);
        expect(r.clean).toEqual(["at-host", "cpu", "des", "des-unknown", "vmss-at-host"]);
        expect(r.messages("default")[0]).toMatch(
            /^VirtualMachine 'default': securityProfile\.encryptionAtHost is not set, and no disk encryption set on the OS disk; expected true, or a customer managed disk encryption set\. Fix: /,
        );
        expect(r.messages("vmss-default")[0]).toContain(
            "virtualMachineProfile.securityProfile.encryptionAtHost is not set",
        );
    });

    it("leaves an unknown encryptionAtHost to pulumi up and judges secret values", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(vmType, "unknown", vm({ securityProfile: { encryptionAtHost: unknown as never } })),
            resource(vmType, "secret-on", vm({ securityProfile: { encryptionAtHost: secret(true) as never } })),
            resource(vmType, "secret-off", vm({ securityProfile: { encryptionAtHost: secret(false) as never } })),
        ]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.violating).toEqual(["secret-off"]);
        expect(r.clean).toEqual(["secret-on"]);
    });
});
