// The catalog: every policy of the pack, in reference-doc order. A test fails when a policy file
// under policies/ is missing here.

import type { PolicyDefinition } from "../core/definition";
import { anyCloudPolicies } from "./any";
import { awsPolicies } from "./aws";
import { azurePolicies } from "./azure";
import { stackGraphPolicies } from "./stack";

export const policies: readonly PolicyDefinition[] = [
    ...awsPolicies,
    ...azurePolicies,
    ...anyCloudPolicies,
    ...stackGraphPolicies,
];
