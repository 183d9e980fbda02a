import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, isUnknownSentinel } from "../../../core/values";

/** Ranges that admit every address. */
const anywhere = new Set(["0.0.0.0/0", "::/0", "*"]);

export default onAiResources(
    defineResourcePolicy({
        id: "ai-aks-private-api",
        cloud: "azure",
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "AKS clusters that run model workloads are private clusters, or restrict their public API server to authorized IP ranges.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-7"],
                supports: ["AC-17"],
                why: "The API server of the model cluster is reachable only privately or from listed networks.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0049"],
                why: "An API server open to the internet is an entry point to every model workload the cluster runs.",
            },
            "iso-27001": {
                supports: ["A.8.20"],
                why: "Network security: the cluster's management plane is not exposed to the internet.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_115" },
            { tool: "azure-policy", id: "040732e8-d947-40b8-95d6-854c95024bf8" },
            { tool: "azure-policy", id: "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea" },
        ],
        remediation: [
            "Set apiServerAccessProfile.enablePrivateCluster to true (the API server gets a private endpoint in the cluster's VNet).",
            "If the API must stay public, set apiServerAccessProfile.authorizedIPRanges to the administrator networks only.",
        ],
        notes: [
            "Judged only on clusters of the AI system: a cluster with an N-series (GPU) agent pool, one an accelerated AgentPool joins, or tagged as AI.",
            "By default the API server is public and open to every address, so a cluster that sets neither fails; a range of 0.0.0.0/0 fails too.",
            "Values unknown during preview leave the verdict to pulumi up.",
        ],
        validate(cluster, check) {
            const priv = cluster.get("apiServerAccessProfile.enablePrivateCluster");
            if (priv.state === "unknown") {
                check.undecided("apiServerAccessProfile.enablePrivateCluster");
                return;
            }
            if (priv.state === "known" && priv.value === true) {
                return;
            }
            const ranges = cluster.get("apiServerAccessProfile.authorizedIPRanges");
            if (ranges.state === "unknown") {
                check.undecided("apiServerAccessProfile.authorizedIPRanges");
                return;
            }
            const expected = "enablePrivateCluster true, or authorizedIPRanges listing only administrator networks";
            const list = arrayOf(ranges);
            if (ranges.state === "missing" || (list && list.length === 0)) {
                check.fail({
                    setting: "apiServerAccessProfile",
                    found: "a public API server open to every address (enablePrivateCluster and authorizedIPRanges not set)",
                    expected,
                });
                return;
            }
            if (!list) {
                check.fail({ setting: "apiServerAccessProfile.authorizedIPRanges", found: describe(ranges), expected });
                return;
            }
            list.forEach((r, i) => {
                if (typeof r === "string" && anywhere.has(r.trim())) {
                    check.fail({
                        setting: `apiServerAccessProfile.authorizedIPRanges[${i}]`,
                        found: JSON.stringify(r),
                        expected,
                    });
                } else if (isUnknownSentinel(r)) {
                    check.undecided(`apiServerAccessProfile.authorizedIPRanges.${i}`);
                }
            });
        },
    }),
);
