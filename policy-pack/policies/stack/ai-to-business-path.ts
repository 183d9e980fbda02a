import { cite } from "../../core/citations";
import { defineStackPolicy } from "../../core/definition";
import { allowedFlowsSchema, flowsOf } from "../../shared/allowed-flows";
import { reportPath } from "../../shared/path-findings";
import { pathTypes, stackGraphOf } from "../../shared/stack-graph";
import { search } from "../../shared/stack-paths";

export default defineStackPolicy({
    id: "ai-to-business-path",
    cloud: "any",
    resourceTypes: pathTypes,
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "No network or identity path leads from the AI system to a business system unless an allowlisted flow covers it.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-4", "SC-7(21)"],
            supports: ["AC-6", "CA-9"],
            why: "Every path from the AI system into a business system, across networks and identities, is either absent or a reviewed, justified flow.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0036", "AML.T0053"],
            why: "A compromised model workload or agent has no route or permission into business systems' data beyond reviewed flows.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "The GAI system's reach into the organization's other systems is bounded and documented.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks, judged over whole paths rather than single rules.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Excessive agency: the AI system's identities and networks reach no business system without a reviewed need.",
        },
    }),
    peers: [],
    remediation: [
        "Cut the path at the hop that should not exist: remove the peering, transit gateway attachment or security-group reference between the AI and business networks, or the policy statement that names the business resource.",
        "If the flow is needed, add it to allowedFlows in the policy config with from (a resource on the AI side of the path), to (the business resource), the ports or actions it uses and the justification; it is then reported as allowed, with the justification.",
    ],
    notes: [
        "The path is found on the stack graph (built once per stack from property dependencies): network hops through subnets, VPCs / VNets, peerings, transit gateways, route tables, gateways, security groups and NSGs, private endpoints and load balancers; identity hops from compute to its role or managed identity, to attached and inline policies and the resources they name, to roles a trust policy lets it assume, and through Azure role assignments to their scope.",
        "A path starts at the last resource of the AI system on it, crosses only network fabric, identity resources and AI resources (never an unclassified host), and ends at the first business resource; the shortest one is shown, hop by hop, each hop saying how it connects. Peerings are not transitive: a path does not cross two in a row through one network.",
        "Reachability is judged from references, not from CIDR ranges or rule contents: two resources in one VPC reach each other, and an ingress rule that names a security group admits it. Paths through resources in other stacks are not seen.",
        "A private endpoint of an API Management gateway belongs to the caller whose subnet holds it, not to the AI system: it carries the caller's requests into the gateway and nothing back out. So a business application that reaches a model only through such a gateway (which calls the model with its own identity) has no path, while one whose network holds a private endpoint of the model's account does.",
        "An allowlisted flow covers a path when its to names the business resource at the end, its from names a resource on the path, and the path uses no port or IAM action outside the flow's lists. A covered path is reported as advisory with the flow's justification.",
    ],
    configSchema: { properties: { ...allowedFlowsSchema } },
    validate(check) {
        const { resources, classification: c } = check;
        const graph = stackGraphOf(resources);
        const isAi = (i: number) => c.isAi(resources[i] as (typeof resources)[number]);
        const isBusiness = (i: number) => c.isBusiness(resources[i] as (typeof resources)[number]);
        const sources = resources.flatMap((r, i) => (c.isAi(r) ? [i] : []));
        const reached = search(graph, {
            sources,
            passes: (i) => isAi(i) || graph.role(i) !== "host",
            isTarget: isBusiness,
        });
        const flows = flowsOf(check.config);
        for (const [target, labels] of reached.targets) {
            for (const source of labels) {
                const hops = reached.path(target, source);
                reportPath(check, resources[source] as (typeof resources)[number], hops, flows, {
                    setting: "path to a business system",
                    expected:
                        "no path from the AI system to a business system, or an allowedFlows entry that covers it",
                });
            }
        }
    },
});
