import type { PolicyDefinition } from "../../../core/definition";
import aiBlobContainerPrivate from "./ai-blob-container-private";
import aiStorageAccountCmk from "./ai-storage-account-cmk";
import aiStorageAccountMinTls12 from "./ai-storage-account-min-tls12";
import aiStorageAccountNetworkRestricted from "./ai-storage-account-network-restricted";
import aiStorageAccountNoPublicBlobAccess from "./ai-storage-account-no-public-blob-access";
import aiStorageAccountSharedKeyDisabled from "./ai-storage-account-shared-key-disabled";
import mlHbiWorkspaceStoragePrivate from "./ml-hbi-workspace-storage-private";

export const storagePolicies: readonly PolicyDefinition[] = [
    aiStorageAccountNoPublicBlobAccess,
    aiStorageAccountNetworkRestricted,
    aiStorageAccountSharedKeyDisabled,
    aiStorageAccountMinTls12,
    aiStorageAccountCmk,
    mlHbiWorkspaceStoragePrivate,
    aiBlobContainerPrivate,
];
