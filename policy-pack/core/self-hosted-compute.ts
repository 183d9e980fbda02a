// Self-hosted model compute: instances, templates, node groups, node pools and VMs sized with
// accelerators (GPU, Inferentia, Trainium, Gaudi). Such compute serves or trains models, so the
// classification puts it in the AI system, in the `iaas` layer, and says which setting decided it.

import type { StackResource } from "./definition";
import { printable } from "./message";

/**
 * AWS accelerated-computing families: P and G (NVIDIA GPUs), Inf (Inferentia), Trn (Trainium),
 * DL (Gaudi and Qualcomm). Graviton families end in `g` (m7g) and never start with it.
 */
const awsAcceleratedType = /^(?:p\d|g\d|gr\d|inf\d|trn\d|dl\d)[a-z0-9-]*\.[a-z0-9-]+$/i;

/** Azure N-series sizes: NC and ND (compute and training GPUs), NV and NG (visualization GPUs). */
const azureGpuSize = /^Standard_N[CDVG]\d/i;

/** EKS AMI types built for accelerators (`AL2023_x86_64_NVIDIA`, `AL2_x86_64_GPU`, `…_NEURON`). */
const eksAcceleratedAmi = /(?:GPU|NVIDIA|NEURON)/i;

export function isAwsAcceleratedInstanceType(v: unknown): v is string {
    return typeof v === "string" && awsAcceleratedType.test(v.trim());
}

export function isAzureGpuVmSize(v: unknown): v is string {
    return typeof v === "string" && azureGpuSize.test(v.trim());
}

function known(r: StackResource, path: string): unknown {
    const v = r.get(path);
    return v.state === "known" ? v.value : undefined;
}

function knownList(r: StackResource, path: string): readonly unknown[] {
    const v = known(r, path);
    return Array.isArray(v) ? v : [];
}

/** Where each compute type names its size, and which pattern makes it accelerated. */
type SizeReader = (r: StackResource) => { readonly setting: string; readonly size: string } | undefined;

const single =
    (path: string, test: (v: unknown) => v is string): SizeReader =>
    (r) => {
        const v = known(r, path);
        return test(v) ? { setting: path, size: v } : undefined;
    };

const eksNodeGroup: SizeReader = (r) => {
    const types = knownList(r, "instanceTypes");
    const at = types.findIndex(isAwsAcceleratedInstanceType);
    if (at >= 0) {
        return { setting: `instanceTypes[${at}]`, size: types[at] as string };
    }
    const ami = known(r, "amiType");
    return typeof ami === "string" && eksAcceleratedAmi.test(ami) ? { setting: "amiType", size: ami } : undefined;
};

const aksClusterPools: SizeReader = (r) => {
    const pools = knownList(r, "agentPoolProfiles");
    for (let i = 0; i < pools.length; i++) {
        const pool = pools[i];
        const size = pool !== null && typeof pool === "object" ? (pool as Record<string, unknown>).vmSize : undefined;
        if (isAzureGpuVmSize(size)) {
            return { setting: `agentPoolProfiles[${i}].vmSize`, size };
        }
    }
    return undefined;
};

const readers: Readonly<Record<string, SizeReader>> = {
    "aws:ec2/instance:Instance": single("instanceType", isAwsAcceleratedInstanceType),
    "aws:ec2/launchTemplate:LaunchTemplate": single("instanceType", isAwsAcceleratedInstanceType),
    "aws:ec2/spotInstanceRequest:SpotInstanceRequest": single("instanceType", isAwsAcceleratedInstanceType),
    "aws:eks/nodeGroup:NodeGroup": eksNodeGroup,
    "azure-native:containerservice:AgentPool": single("vmSize", isAzureGpuVmSize),
    "azure-native:containerservice:ManagedCluster": aksClusterPools,
    "azure-native:compute:VirtualMachine": single("hardwareProfile.vmSize", isAzureGpuVmSize),
    "azure-native:compute:VirtualMachineScaleSet": single("sku.name", isAzureGpuVmSize),
};

/** Compute types that can host a self-hosted model (whether or not this one is accelerated). */
export const selfHostedComputeTypes: readonly string[] = Object.keys(readers);

/**
 * Why `r` is self-hosted model compute ("accelerator instance type g5.xlarge (instanceType)"), or
 * undefined when it is not accelerated or its size is unknown during preview.
 */
export function acceleratedComputeReason(r: StackResource): string | undefined {
    const hit = readers[r.type]?.(r);
    return hit ? `accelerator size ${printable(hit.size)} (${hit.setting}), so it hosts a model` : undefined;
}
