import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

interface Config {
    maxCapacity?: unknown;
}

const defaultMax = 100;

export default defineResourcePolicy<Config>({
    id: "ai-deployment-capacity-capped",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Deployment"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Azure OpenAI and AI Services deployments set their capacity (rate limit in units of 1,000 tokens per minute for Standard SKUs) at or below the configured cap.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-5(2)"],
            supports: ["SC-6"],
            why: "Each deployment's token-per-minute capacity is at or below the cap.",
        },
        "mitre-atlas": {
            implements: ["AML.M0004"],
            mitigates: ["AML.T0034"],
            why: "A capacity cap bounds queries and cost per deployment (AML.M0004).",
        },
        "iso-27001": {
            supports: ["A.8.6"],
            why: "Capacity management: model capacity is bounded.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "Capping capacity is a direct control against unbounded consumption.",
        },
    }),
    peers: [],
    remediation: [
        "Set sku.capacity to the throughput the application needs, at or below the cap in the policy config property maxCapacity.",
        "Put an API gateway with per-caller token limits (for example API Management llm-token-limit) in front of the deployment.",
    ],
    notes: [
        "This policy owns the capacity of deployments; ai-rate-limits judges only the API Management gateway in front of the accounts, so one over-sized deployment is reported once.",
        "The capacity is both the quota and the rate limit of the deployment, so it bounds the cost of stolen or abused access (denial of wallet). The cap is the policy config property maxCapacity (default 100, that is 100,000 tokens per minute on Standard SKUs).",
        "A deployment without sku.capacity gets the service default (1 unit) and passes. If the capacity is unknown, the check decides at pulumi up.",
        "Advisory: the right cap depends on the workload. The gateway half of catalog row Z36 needs several resources and is not checked here.",
    ],
    configSchema: {
        properties: {
            maxCapacity: {
                type: "integer",
                minimum: 1,
                default: defaultMax,
                description: "Largest accepted sku.capacity of a deployment.",
            },
        },
    },
    validate(deployment, check) {
        const max = typeof check.config.maxCapacity === "number" ? check.config.maxCapacity : defaultMax;
        const capacity = deployment.get("sku.capacity");
        if (capacity.state === "unknown") {
            check.undecided(capacity.path);
            return;
        }
        if (capacity.state === "missing") {
            return;
        }
        if (typeof capacity.value === "number" && capacity.value <= max) {
            return;
        }
        check.fail({ setting: "sku.capacity", found: describe(capacity), expected: `at most ${max}` });
    },
});
