import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

const subnetType = "aws:ec2/subnet:Subnet";

export default defineStackPolicy({
    id: "ai-subnet-private",
    cloud: "aws",
    resourceTypes: [subnetType],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Subnets of the AI system do not assign public IPv4 addresses to instances at launch.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "Instances launched in AI subnets get no public IPv4 address by default.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0049"],
            why: "AI compute without public addresses is not directly reachable from the internet.",
        },
        "iso-27001": {
            supports: ["A.8.20"],
            why: "Network security: AI subnets do not hand out public addresses.",
        },
    }),
    peers: [{ tool: "prowler", id: "vpc_subnet_no_public_ip_by_default" }],
    remediation: [
        "Set mapPublicIpOnLaunch to false (or leave it unset) on subnets used by SageMaker, Bedrock and other AI resources, and reach the internet, if at all, through a NAT gateway or VPC endpoints.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "A subnet counts as AI when the classification says so: tagged as AI, or referenced by an AI resource (for example a notebook's subnetId, a model's vpcConfig.subnets or a training job's vpcConfig.subnets). Business-tagged subnets are not checked.",
        "mapPublicIpOnLaunch defaults to false, so an unset value passes. A value unknown during preview leaves the verdict to pulumi up, unless the program never set it.",
    ],
    validate(check) {
        for (const subnet of check.resources) {
            if (subnet.type !== subnetType || !check.classification.isAi(subnet)) {
                continue;
            }
            const v = subnet.get("mapPublicIpOnLaunch");
            if (v.state === "unknown") {
                if (subnet.setByProgram("mapPublicIpOnLaunch") !== false) {
                    check.undecided(subnet, "mapPublicIpOnLaunch");
                }
                continue;
            }
            if (v.state === "known" && v.value !== false) {
                const why = check.classification.reason(subnet);
                check.fail(subnet, {
                    setting: "mapPublicIpOnLaunch",
                    found: `${describe(v)}${why ? ` (the subnet is in the AI system: ${why})` : ""}`,
                    expected: "false or not set",
                });
            }
        }
    },
});
