import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy, type ResourceCheck } from "../../../core/definition";
import type { Value } from "../../../core/values";

const clusterType = "azure-native:containerservice:ManagedCluster";
const poolType = "azure-native:containerservice:AgentPool";

function judge(v: Value, setting: string, check: ResourceCheck<unknown>): void {
    if (v.state === "unknown") {
        check.undecided(setting);
    } else if (v.state === "known" && v.value === true) {
        check.fail({ setting: setting.replace(/\.(\d+)\./, "[$1]."), found: "true", expected: "false or not set" });
    }
}

export default onAiResources(
    defineResourcePolicy({
        id: "ai-aks-node-no-public-ip",
        cloud: "azure",
        resourceTypes: [clusterType, poolType],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description: "Node pools that run models give their nodes no public IP address.",
        controls: cite({
            "nist-800-53": {
                supports: ["SC-7"],
                why: "Model nodes have no public address, so they are reachable only through the cluster's network boundary.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0049"],
                why: "GPU nodes without public addresses cannot be reached directly from the internet.",
            },
            "iso-27001": {
                supports: ["A.8.20"],
                why: "Network security: self-hosted model compute stays on private addresses.",
            },
        }),
        peers: [{ tool: "checkov", id: "CKV_AZURE_143" }],
        remediation: [
            "Set enableNodePublicIP to false (or leave it unset) on the agent pool, and reach the internet, if at all, through a NAT gateway or a firewall.",
        ],
        notes: [
            "Judged on AgentPool resources and on the agentPoolProfiles of ManagedCluster, when they are in the AI system: an N-series (GPU) vmSize, or tagged as AI. On a cluster every pool is judged, since they share the cluster's network.",
            "enableNodePublicIP defaults to false, so an unset value passes. A value unknown during preview leaves the verdict to pulumi up.",
        ],
        validate(r, check) {
            if (r.type === poolType) {
                judge(r.get("enableNodePublicIP"), "enableNodePublicIP", check);
                return;
            }
            const pools = r.get("agentPoolProfiles");
            if (pools.state === "unknown") {
                check.undecided("agentPoolProfiles");
                return;
            }
            if (pools.state !== "known" || !Array.isArray(pools.value)) {
                return;
            }
            pools.value.forEach((_, i) => {
                judge(
                    r.get(`agentPoolProfiles.${i}.enableNodePublicIP`),
                    `agentPoolProfiles.${i}.enableNodePublicIP`,
                    check,
                );
            });
        },
    }),
);
