import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { isNonEmptyString } from "../../../core/values";

const vmType = "azure-native:compute:VirtualMachine";
const scaleSetType = "azure-native:compute:VirtualMachineScaleSet";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-vm-disk-encryption",
        cloud: "azure",
        resourceTypes: [vmType, scaleSetType],
        area: "model-storage",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "Virtual machines and scale sets that host a model encrypt their disks at host or with a customer managed key (disk encryption set).",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "The disks of the model host (weights, caches, temp files) are encrypted at host or under a customer managed key.",
            },
            "mitre-atlas": {
                implements: ["AML.M0012"],
                mitigates: ["AML.T0035"],
                why: "Model weights cached on a host's disks stay protected end to end, including temp disks and caches.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: model host disks are encrypted beyond the platform default.",
            },
        }),
        peers: [],
        remediation: [
            "Set securityProfile.encryptionAtHost to true (virtualMachineProfile.securityProfile on a scale set), after registering the EncryptionAtHost feature, or",
            "set storageProfile.osDisk.managedDisk.diskEncryptionSet.id to a disk encryption set that uses a customer managed key in Key Vault.",
        ],
        notes: [
            "Judged only on compute of the AI system: N-series (GPU) sizes (hardwareProfile.vmSize, sku.name of a scale set), or tagged as AI.",
            "Azure encrypts managed disks with a platform key by default; temp disks and disk caches are encrypted only with encryption at host. Either encryption at host or a disk encryption set on the OS disk passes.",
            "A disk encryption set id is usually unknown during preview; it counts as set.",
        ],
        validate(r, check) {
            const root = r.type === scaleSetType ? "virtualMachineProfile." : "";
            const atHost = r.get(`${root}securityProfile.encryptionAtHost`);
            if (atHost.state === "known" && atHost.value === true) {
                return;
            }
            const des = r.get(`${root}storageProfile.osDisk.managedDisk.diskEncryptionSet.id`);
            if (des.state === "unknown" || isNonEmptyString(des)) {
                return;
            }
            if (atHost.state === "unknown") {
                check.undecided(`${root}securityProfile.encryptionAtHost`);
                return;
            }
            check.fail({
                setting: `${root}securityProfile.encryptionAtHost`,
                found: `${atHost.state === "known" ? String(atHost.value) : "not set"}, and no disk encryption set on the OS disk`,
                expected: "true, or a customer managed disk encryption set",
            });
        },
    }),
);
