import type { PolicyDefinition } from "../../../core/definition";
import aiEksNodeGroupRemoteAccess from "./ai-eks-node-group-remote-access";
import aiEksPrivateEndpoint from "./ai-eks-private-endpoint";
import aiEksSecretsEncryption from "./ai-eks-secrets-encryption";

export const eksPolicies: readonly PolicyDefinition[] = [
    aiEksPrivateEndpoint,
    aiEksSecretsEncryption,
    aiEksNodeGroupRemoteAccess,
];
