import type { PolicyDefinition } from "../../../core/definition";
import kendraIndexKmsCmk from "./kendra-index-kms-cmk";

export const kendraPolicies: readonly PolicyDefinition[] = [kendraIndexKmsCmk];
