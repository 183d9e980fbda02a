import type { PolicyDefinition } from "../../../core/definition";
import aiVmDiskEncryption from "./ai-vm-disk-encryption";
import aiVmManagedIdentity from "./ai-vm-managed-identity";
import aiVmNoPublicIp from "./ai-vm-no-public-ip";

export const computePolicies: readonly PolicyDefinition[] = [aiVmNoPublicIp, aiVmDiskEncryption, aiVmManagedIdentity];
