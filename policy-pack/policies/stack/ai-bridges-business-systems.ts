import { cite } from "../../core/citations";
import { defineStackPolicy, type StackResource } from "../../core/definition";
import { allowedFlowsSchema, flowsOf } from "../../shared/allowed-flows";
import { endsBusinessPaths } from "../../shared/approved-model-access";
import { reportPath } from "../../shared/path-findings";
import { pathTypes, stackGraphOf } from "../../shared/stack-graph";
import { search } from "../../shared/stack-paths";

export default defineStackPolicy({
    id: "ai-bridges-business-systems",
    cloud: "any",
    resourceTypes: pathTypes,
    area: "segmentation",
    layer: "paas",
    severity: "critical",
    enforcementLevel: "mandatory",
    description:
        "No resource of the AI system is a bridge between business systems: no business system reaches an AI front door, workload or identity that in turn reaches another business system, unless an allowlisted flow covers the chain.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(21)", "AC-4"],
            supports: ["SC-3", "CA-9"],
            why: "The AI system cannot serve as a stepping stone that joins two business systems the network and identity design keeps apart.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0051", "AML.T0053", "AML.T0036"],
            why: "A prompt injected from one business system cannot make the model's workload or agent act on another through its network or permissions.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Chained attacks through the GAI system between the organization's systems are cut at the design.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            supports: ["A.8.20"],
            why: "Segregation of networks holds end to end: no path between segregated business systems runs through the AI system.",
        },
        "owasp-llm": {
            mitigates: ["LLM01", "LLM06"],
            why: "Indirect prompt injection and excessive agency turn a bridging AI workload into a path between business systems.",
        },
    }),
    peers: [],
    remediation: [
        "Cut one side of the chain: keep the business system that calls the AI front door away from its network or identity (a private endpoint or API instead of a peering), or remove the AI workload's route or permission into the second business system.",
        "If both halves are needed, give the AI workload that reaches the second business system its own identity and network, separate from the one the first business system calls; or list the reviewed chain in allowedFlows with its justification.",
    ],
    notes: [
        "On the same stack graph as ai-to-business-path. The bridge is a resource of the AI system that is not network fabric (a front door, an AI service, a role or managed identity): a business system reaches it, and it reaches a different business system. The message lists the whole chain hop by hop, from the first business system through the bridge to the second.",
        "Both halves are found by two linear searches from every business resource at once (forward and backward), each keeping up to two business systems per node, so a bridge is found whatever the number of business systems.",
        "A path does not cross an approved model access group (see ai-sg-no-public-ingress for the shape): traffic admitted there reaches only the VPC endpoints it guards, which forward only to the AWS service.",
        "An allowlisted flow covers the chain when its to names the second business resource and its from names a resource on the chain.",
    ],
    configSchema: { properties: { ...allowedFlowsSchema } },
    validate(check) {
        const { resources, classification: c } = check;
        const graph = stackGraphOf(resources);
        const at = (i: number) => resources[i] as StackResource;
        const isBusiness = (i: number) => c.isBusiness(at(i));
        const isBridge = (i: number) => c.isAi(at(i)) && graph.role(i) !== "fabric";
        // Traffic admitted to an approved model access group reaches only its VPC endpoints.
        const accessEnd = endsBusinessPaths(resources, c);
        const passes = (i: number) => !isBusiness(i) && graph.role(i) !== "host" && !accessEnd(i);
        const business = resources.flatMap((r, i) => (c.isBusiness(r) ? [i] : []));
        if (business.length < 2) {
            return;
        }
        const spec = { sources: business, passes, isTarget: isBridge, labels: 2 as const };
        const inbound = search(graph, spec);
        // Outbound, a bridge reaches on through the AI system's own workloads and identities (a front
        // door through the role it runs as), so the search keeps going through them.
        const outbound = search(graph, { ...spec, reverse: true, throughTargets: true });
        const flows = flowsOf(check.config);
        for (const [bridge, from] of inbound.targets) {
            const to = outbound.targets.get(bridge) ?? [];
            const pair = from.flatMap((s) => to.filter((t) => t !== s).map((t) => [s, t] as const))[0];
            if (!pair) {
                continue;
            }
            const [s, t] = pair;
            const hops = [...inbound.path(bridge, s).slice(0, -1), ...outbound.path(bridge, t)];
            reportPath(check, at(bridge), hops, flows, {
                setting: "bridge between business systems",
                expected:
                    "no chain from one business system through the AI system to another, or an allowedFlows entry that covers it",
            });
        }
    },
});
