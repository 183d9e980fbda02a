import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck, type StackResource } from "../../../core/definition";
import { arrayOf } from "../../../core/values";

const vmType = "azure-native:compute:VirtualMachine";
const scaleSetType = "azure-native:compute:VirtualMachineScaleSet";
const nicType = "azure-native:network:NetworkInterface";

/** Reports every IP configuration under `configsPath` that creates a public IP address. */
function judgeInline(r: StackResource, configsPath: string, check: StackCheck<unknown>): void {
    const configs = r.get(configsPath);
    if (configs.state === "unknown") {
        check.undecided(r, configsPath);
        return;
    }
    (arrayOf(configs) ?? []).forEach((_, i) => {
        const ips = r.get(`${configsPath}.${i}.ipConfigurations`);
        (arrayOf(ips) ?? []).forEach((__, j) => {
            const path = `${configsPath}.${i}.ipConfigurations.${j}.publicIPAddressConfiguration`;
            const pip = r.get(path);
            if (pip.state === "known") {
                check.fail(r, {
                    setting: `${configsPath.replace(/\.(\d+)/g, "[$1]")}[${i}].ipConfigurations[${j}].publicIPAddressConfiguration`,
                    found: "set (the VM gets a public IP address)",
                    expected: "not set",
                });
            } else if (pip.state === "unknown") {
                check.undecided(r, path);
            }
        });
    });
}

/** Network interfaces of the stack that a VM references, with public IPs on any IP configuration. */
function judgeInterfaces(vm: StackResource, check: StackCheck<unknown>): void {
    for (const nic of (vm.propertyDependencies.networkProfile ?? []).filter((d) => d.type === nicType)) {
        const ips = nic.get("ipConfigurations");
        (arrayOf(ips) ?? []).forEach((_, i) => {
            const pip = nic.get(`ipConfigurations.${i}.publicIPAddress`);
            if (pip.state !== "missing") {
                check.fail(nic, {
                    setting: `ipConfigurations[${i}].publicIPAddress`,
                    found: `set (the interface of VM '${vm.name}' gets a public IP address)`,
                    expected: "not set",
                });
            }
        });
    }
}

export default defineStackPolicy({
    id: "ai-vm-no-public-ip",
    cloud: "azure",
    resourceTypes: [vmType, scaleSetType],
    area: "network-isolation",
    layer: "iaas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Virtual machines and scale sets that host a model have no public IP address on any network interface.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "The model host has no public address, so it is reachable only through the boundary the network defines.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0049"],
            why: "A model server without a public address cannot be reached directly from the internet.",
        },
        "iso-27001": {
            supports: ["A.8.20"],
            why: "Network security: self-hosted model compute stays on private addresses.",
        },
    }),
    peers: [],
    remediation: [
        "Remove publicIPAddressConfiguration from the VM's or scale set's IP configurations, and publicIPAddress from the network interfaces it uses; reach the model through a private endpoint, an internal load balancer or Azure Bastion.",
    ],
    notes: [
        "Judged only on compute of the AI system: N-series (GPU) sizes (hardwareProfile.vmSize, sku.name of a scale set), or tagged as AI.",
        "Inline networkInterfaceConfigurations (VM and scale set) are read, and so are network interfaces of the same stack that the VM references through networkProfile.networkInterfaces; a violation on such an interface is reported on the interface. A public IP given as an id unknown during preview counts as set, since it names a public IP address resource.",
    ],
    validate(check) {
        for (const r of check.resources) {
            if (!check.classification.isAi(r)) {
                continue;
            }
            if (r.type === vmType) {
                judgeInline(r, "networkProfile.networkInterfaceConfigurations", check);
                judgeInterfaces(r, check);
            } else if (r.type === scaleSetType) {
                judgeInline(r, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations", check);
            }
        }
    },
});
