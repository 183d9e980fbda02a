import type { PolicyDefinition } from "../../core/definition";
import sagemakerNotebookNoDirectInternet from "./sagemaker/sagemaker-notebook-no-direct-internet";

export const awsPolicies: readonly PolicyDefinition[] = [sagemakerNotebookNoDirectInternet];
