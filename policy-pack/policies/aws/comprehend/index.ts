import type { PolicyDefinition } from "../../../core/definition";
import comprehendDocumentClassifierKmsCmk from "./comprehend-document-classifier-kms-cmk";
import comprehendEntityRecognizerKmsCmk from "./comprehend-entity-recognizer-kms-cmk";

export const comprehendPolicies: readonly PolicyDefinition[] = [
    comprehendEntityRecognizerKmsCmk,
    comprehendDocumentClassifierKmsCmk,
];
