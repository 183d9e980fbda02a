import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackCheck, type StackResource } from "../../../core/definition";
import { arrayOf, describe } from "../../../core/values";

const peeringType = "azure-native:network:VirtualNetworkPeering";
const vnetType = "azure-native:network:VirtualNetwork";
const subnetType = "azure-native:network:Subnet";
const nsgType = "azure-native:network:NetworkSecurityGroup";

interface Config {
    readonly allowedPeerings?: readonly string[];
}

type Side = "ai" | "business" | undefined;

/**
 * A VNet is AI or business by its own tags; otherwise AI when an AI subnet (one a private endpoint to
 * an AI resource or an AI resource uses) lies in it, and business when one of its subnets uses a
 * business-tagged NSG.
 */
function sideOf(check: StackCheck<Config>, vnet: StackResource): Side {
    const own = check.classification.membership(vnet);
    if (own) {
        return own;
    }
    const subnets = check.resources.filter(
        (s) =>
            s.type === subnetType &&
            ((s.propertyDependencies.virtualNetworkName ?? []).includes(vnet) || s.parent === vnet),
    );
    if (subnets.some((s) => check.classification.isAi(s))) {
        return "ai";
    }
    const businessNsg = subnets.some((s) =>
        (s.propertyDependencies.networkSecurityGroup ?? []).some(
            (n) => n.type === nsgType && check.classification.isBusiness(n),
        ),
    );
    return businessNsg ? "business" : undefined;
}

function firstVnet(deps: readonly StackResource[] | undefined): StackResource | undefined {
    return (deps ?? []).find((d) => d.type === vnetType);
}

/** Settings an allowlisted AI-business peering must have. */
function hardeningFindings(peering: StackResource): Finding[] {
    const findings: Finding[] = [];
    for (const flag of ["allowForwardedTraffic", "allowGatewayTransit", "useRemoteGateways"]) {
        const v = peering.get(flag);
        if (v.state === "known" && v.value !== false) {
            findings.push({ setting: flag, found: describe(v), expected: "false or not set" });
        }
    }
    const complete = peering.get("peerCompleteVnets");
    if (!(complete.state === "unknown" || (complete.state === "known" && complete.value === false))) {
        findings.push({
            setting: "peerCompleteVnets",
            found:
                complete.state === "missing"
                    ? "not set (provider default true: every subnet is peered)"
                    : describe(complete),
            expected: "false, with localSubnetNames and remoteSubnetNames listing only the subnets that must talk",
        });
        return findings;
    }
    if (complete.state === "unknown") {
        return findings;
    }
    for (const list of ["localSubnetNames", "remoteSubnetNames"]) {
        const v = peering.get(list);
        if (v.state !== "unknown" && (arrayOf(v)?.length ?? 0) === 0) {
            findings.push({ setting: list, found: describe(v), expected: "the names of the subnets to peer" });
        }
    }
    return findings;
}

export default defineStackPolicy<Config>({
    id: "ai-vnet-peering-segmented",
    cloud: "azure",
    resourceTypes: [peeringType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "No virtual network peering joins an AI virtual network with a business virtual network, unless allowlisted and then limited to named subnets without forwarded traffic or gateway transit.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(21)", "CA-3"],
            supports: ["AC-4"],
            why: "AI and business virtual networks are not peered unless allowlisted, and then only named subnets without forwarding or gateway transit.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0036"],
            why: "The AI network has no path into business systems' data, or only a narrow allowlisted one.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI and business networks are kept apart.",
        },
    }),
    peers: [],
    remediation: [
        "Remove the peering between the AI and the business virtual network; expose what the AI system needs from the business system through private endpoints or an API gateway instead.",
        "If the peering is approved, add its Pulumi resource name to the policy config allowedPeerings and set peerCompleteVnets false with localSubnetNames and remoteSubnetNames, allowForwardedTraffic false, allowGatewayTransit false and useRemoteGateways false.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        'VNets are not classified by reference, so a VNet is AI or business by its tags (aiguard:system "ai" / "business", or the configured selectors); without tags it is AI when an AI subnet (used by a private endpoint to an AI resource, or by an AI resource) lies in it, and business when one of its subnets uses a business-tagged NSG.',
        "The local and remote VNets are found through the property dependencies of virtualNetworkName (or the parent) and remoteVirtualNetwork, never by id. A remote VNet outside the stack (a literal id or a stack reference) cannot be classified, and the peering is not judged.",
        "allowedPeerings lists Pulumi resource names of peerings, which are known during preview. An allowlisted peering is still checked for subnet-scoped peering (peerCompleteVnets defaults to true) and for forwarded traffic and gateway transit; unknown values there count as compliant until pulumi up.",
        "No scanner implements this check.",
    ],
    configSchema: {
        properties: {
            allowedPeerings: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Pulumi resource names of approved peerings between AI and business virtual networks.",
            },
        },
    },
    validate(check) {
        const allowed = new Set(Array.isArray(check.config.allowedPeerings) ? check.config.allowedPeerings : []);
        for (const peering of check.resources) {
            if (peering.type !== peeringType) {
                continue;
            }
            const local =
                firstVnet(peering.propertyDependencies.virtualNetworkName) ??
                (peering.parent?.type === vnetType ? peering.parent : undefined);
            const remote = firstVnet(peering.propertyDependencies.remoteVirtualNetwork);
            if (!local || !remote) {
                continue;
            }
            const [a, b] = [sideOf(check, local), sideOf(check, remote)];
            if (!((a === "ai" && b === "business") || (a === "business" && b === "ai"))) {
                continue;
            }
            if (!allowed.has(peering.name)) {
                check.fail(peering, {
                    setting: "remoteVirtualNetwork",
                    found: `the ${b} VNet '${remote.name}', peered from the ${a} VNet '${local.name}'`,
                    expected:
                        "no peering between AI and business virtual networks (or a peering listed in allowedPeerings)",
                });
                continue;
            }
            for (const finding of hardeningFindings(peering)) {
                check.fail(peering, finding);
            }
        }
    },
});
