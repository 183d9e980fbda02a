import { cite } from "../../../core/citations";
import { defineResourcePolicy, type Finding } from "../../../core/definition";
import { arrayOf, describe, field, isNonEmptyString } from "../../../core/values";

interface DataCaptureConfig {
    readonly minimumSamplingPercentage?: number;
}

export default defineResourcePolicy<DataCaptureConfig>({
    id: "sagemaker-endpoint-data-capture",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/endpointConfiguration:EndpointConfiguration"],
    area: "io-logging",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "SageMaker endpoint configurations capture model input and output at the required sampling rate to S3, encrypted with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2", "AU-9"],
            why: "Model input and output of the endpoint are captured at the required sampling rate and stored.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0024", "AML.T0040"],
            why: "Captured requests and responses are AI telemetry (AML.M0024) in which abuse of the inference API and extraction attempts become visible.",
        },
        "nist-ai-rmf": {
            implements: ["MEASURE 2.4"],
            why: "Captured production inputs and outputs are the record on which the model's behaviour in production is monitored.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: inference events are recorded and kept, encrypted with a customer key.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: the deployed model's inputs and outputs are recorded.",
        },
    }),
    peers: [],
    remediation: [
        "Add a dataCaptureConfig with enableCapture true, captureOptions for both Input and Output (or one InputAndOutput),",
        "initialSamplingPercentage at or above the configured minimum (100 by default), destinationS3Uri set to an AI bucket,",
        "and kmsKeyId set to the ARN of a customer managed KMS key.",
    ],
    notes: [
        "No peer tool checks SageMaker data capture: Checkov, Prowler, Security Hub, KICS and Trivy have no such rule. The nearest, Prowler sagemaker_models_monitor_enabled, tests Model Monitor schedules rather than capture settings.",
        "enableCapture defaults to false, so an endpoint configuration without dataCaptureConfig, or with enableCapture unset, fails. Each failing setting is reported as its own finding.",
        "minimumSamplingPercentage (0 to 100, default 100) sets the lowest accepted initialSamplingPercentage; lower it for high-volume endpoints where sampling is acceptable.",
        "destinationS3Uri and kmsKeyId count as set when they are unknown during preview (bucket and key ARNs usually are). An unknown enableCapture, captureMode or initialSamplingPercentage leaves the verdict to pulumi up.",
        "Configurations whose production variants are all serverless (serverlessConfig set) are skipped, because SageMaker serverless endpoints do not support data capture. A variant whose serverlessConfig is unknown counts as not serverless.",
    ],
    configSchema: {
        properties: {
            minimumSamplingPercentage: {
                type: "integer",
                minimum: 0,
                maximum: 100,
                default: 100,
                description: "Lowest accepted dataCaptureConfig.initialSamplingPercentage.",
            },
        },
    },
    validate(endpointConfig, check) {
        const variants = arrayOf(endpointConfig.get("productionVariants"));
        if (variants && variants.length > 0 && variants.every((v) => field(v, "serverlessConfig").state === "known")) {
            return;
        }

        const configured = check.config?.minimumSamplingPercentage;
        const minimum = typeof configured === "number" && Number.isFinite(configured) ? configured : 100;

        const dc = endpointConfig.get("dataCaptureConfig");
        if (dc.state === "unknown") {
            check.undecided("dataCaptureConfig");
            return;
        }
        if (dc.state === "missing" || typeof dc.value !== "object" || Array.isArray(dc.value)) {
            check.fail({
                setting: "dataCaptureConfig",
                found: dc.state === "missing" ? "not set (data capture off)" : describe(dc),
                expected: "a data capture configuration with enableCapture true",
            });
            return;
        }

        const findings: Finding[] = [];
        const unknowns: string[] = [];

        const enable = endpointConfig.get("dataCaptureConfig.enableCapture");
        if (enable.state === "unknown") {
            unknowns.push(enable.path);
        } else if (!(enable.state === "known" && enable.value === true)) {
            findings.push({
                setting: "dataCaptureConfig.enableCapture",
                found: enable.state === "missing" ? "not set (provider default false)" : describe(enable),
                expected: "true",
            });
        }

        const options = endpointConfig.get("dataCaptureConfig.captureOptions");
        if (options.state === "unknown") {
            unknowns.push(options.path);
        } else {
            let input = false;
            let output = false;
            const unknownModes: string[] = [];
            (arrayOf(options) ?? []).forEach((o, i) => {
                const mode = field(o, "captureMode");
                if (mode.state === "unknown") {
                    unknownModes.push(`dataCaptureConfig.captureOptions.${i}${mode.path ? `.${mode.path}` : ""}`);
                } else if (mode.state === "known") {
                    input ||= mode.value === "Input" || mode.value === "InputAndOutput";
                    output ||= mode.value === "Output" || mode.value === "InputAndOutput";
                }
            });
            if (!(input && output)) {
                if (unknownModes.length > 0) {
                    unknowns.push(...unknownModes);
                } else {
                    findings.push({
                        setting: "dataCaptureConfig.captureOptions[].captureMode",
                        found:
                            options.state === "missing"
                                ? "not set"
                                : input
                                  ? "Input only"
                                  : output
                                    ? "Output only"
                                    : `${describe(options)} without a valid capture mode`,
                        expected: '"Input" and "Output", or "InputAndOutput"',
                    });
                }
            }
        }

        const percentage = endpointConfig.get("dataCaptureConfig.initialSamplingPercentage");
        if (percentage.state === "unknown") {
            unknowns.push(percentage.path);
        } else if (
            !(percentage.state === "known" && typeof percentage.value === "number" && percentage.value >= minimum)
        ) {
            findings.push({
                setting: "dataCaptureConfig.initialSamplingPercentage",
                found: percentage.state === "missing" ? "not set" : describe(percentage),
                expected: `at least ${minimum}`,
            });
        }

        // Presence checks: an unknown URI or key ARN counts as set.
        const destination = endpointConfig.get("dataCaptureConfig.destinationS3Uri");
        if (destination.state !== "unknown" && !isNonEmptyString(destination)) {
            findings.push({
                setting: "dataCaptureConfig.destinationS3Uri",
                found: destination.state === "missing" ? "not set" : describe(destination),
                expected: "the S3 URI that receives the captured data",
            });
        }
        const key = endpointConfig.get("dataCaptureConfig.kmsKeyId");
        if (key.state !== "unknown" && !isNonEmptyString(key)) {
            findings.push({
                setting: "dataCaptureConfig.kmsKeyId",
                found:
                    key.state === "missing"
                        ? "not set (captured data gets the bucket's default encryption)"
                        : describe(key),
                expected: "the ARN of a customer managed KMS key",
            });
        }

        if (findings.length > 0) {
            for (const f of findings) {
                check.fail(f);
            }
        } else if (unknowns.length > 0) {
            check.undecided(unknowns[0] as string);
        }
    },
});
