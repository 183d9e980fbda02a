import { cite } from "../../core/citations";
import { defineStackPolicy, type StackResource } from "../../core/definition";
import { allowedFlowsSchema, flowsOf } from "../../shared/allowed-flows";
import { endsBusinessPaths } from "../../shared/approved-model-access";
import { reportPath } from "../../shared/path-findings";
import { pathTypes, stackGraphOf } from "../../shared/stack-graph";
import { search } from "../../shared/stack-paths";

/** Where people and pipelines drive the ML platform: notebooks, Studio domains and spaces, ML workspaces and their compute instances. */
const managementPlane = [
    "aws:sagemaker/notebookInstance:NotebookInstance",
    "aws:sagemaker/domain:Domain",
    "aws:sagemaker/space:Space",
    "azure-native:machinelearningservices:Workspace",
    "azure-native:machinelearningservices:Compute",
];
const isManagementType = (type: string) =>
    managementPlane.includes(type) || /^azure-native:machinelearningservices\/v\w+:(Workspace|Compute)$/.test(type);

const networkOnly = new Set(["network"] as const);

export default defineStackPolicy({
    id: "business-reaches-ai-management-plane",
    cloud: "any",
    resourceTypes: [...pathTypes, ...managementPlane],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "No business network reaches a management plane of the AI system (SageMaker notebooks, Studio domains and spaces, Azure ML workspaces and compute instances) unless an allowlisted flow covers it.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(21)", "AC-17"],
            supports: ["SC-7", "AC-4"],
            why: "The places that control the ML platform (notebooks, Studio, workspaces) are reachable only from the AI system's own networks or reviewed flows.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0025", "AML.T0007"],
            why: "A foothold in a business network cannot reach the notebooks and workspaces that hold training data, weights and platform credentials.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            supports: ["A.8.2"],
            why: "Segregation of networks around privileged AI platform access.",
        },
    }),
    peers: [],
    remediation: [
        "Reach the notebook, Studio domain or workspace through its private endpoint from an administration network of the AI system, not from a business network: remove the peering, security-group reference or subnet the business side shares with it.",
        "If the access is needed, list it in allowedFlows with the ports it uses and the justification.",
    ],
    notes: [
        "On the stack graph, network hops only: a path starts at a business resource, crosses network fabric that is not a business system's, and ends at an AI management-plane resource; it is reported on that resource, hop by hop.",
        "Management planes reached through a private endpoint in a business subnet are reported too: the endpoint puts the workspace on that network.",
        "A path does not cross an approved model access group (see ai-sg-no-public-ingress for the shape): traffic admitted there reaches only the VPC endpoints it guards.",
    ],
    configSchema: { properties: { ...allowedFlowsSchema } },
    validate(check) {
        const { resources, classification: c } = check;
        const graph = stackGraphOf(resources);
        const at = (i: number) => resources[i] as StackResource;
        const business = resources.flatMap((r, i) => (c.isBusiness(r) ? [i] : []));
        // Traffic admitted to an approved model access group reaches only its VPC endpoints.
        const accessEnd = endsBusinessPaths(resources, c);
        const reached = search(graph, {
            sources: business,
            kinds: networkOnly,
            passes: (i) => graph.role(i) === "fabric" && !c.isBusiness(at(i)) && !accessEnd(i),
            isTarget: (i) => isManagementType(at(i).type) && c.isAi(at(i)),
        });
        const flows = flowsOf(check.config);
        for (const [plane, labels] of reached.targets) {
            const source = labels[0] as number;
            reportPath(check, at(plane), reached.path(plane, source), flows, {
                setting: "network path from a business system",
                expected:
                    "no network path from a business system to the AI management plane, or an allowedFlows entry that covers it",
            });
        }
    },
});
