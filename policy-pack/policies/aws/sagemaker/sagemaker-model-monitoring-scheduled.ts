import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { arrayOf, field } from "../../../core/values";

const endpointType = "aws:sagemaker/endpoint:Endpoint";
const endpointConfigType = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const scheduleType = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";
const jobDefinitionType = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";

function depsOf(r: StackResource, prop: string): readonly StackResource[] {
    return r.propertyDependencies[prop] ?? [];
}

/** All production variants of the endpoint's configuration are serverless, which Model Monitor does not support. */
function isServerlessOnly(endpoint: StackResource): boolean {
    const configs = depsOf(endpoint, "endpointConfigName").filter((c) => c.type === endpointConfigType);
    return (
        configs.length > 0 &&
        configs.every((c) => {
            const variants = arrayOf(c.get("productionVariants"));
            return (
                variants !== undefined &&
                variants.length > 0 &&
                variants.every((v) => field(v, "serverlessConfig").state === "known")
            );
        })
    );
}

export default defineStackPolicy({
    id: "sagemaker-model-monitoring-scheduled",
    cloud: "aws",
    resourceTypes: [endpointType, scheduleType, jobDefinitionType, endpointConfigType],
    area: "io-logging",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Every SageMaker endpoint in the stack is watched by a Model Monitor schedule whose input is that endpoint.",
    controls: cite({
        "nist-800-53": {
            implements: ["SI-4"],
            supports: ["CA-7"],
            why: "Every endpoint has a Model Monitor schedule that analyses its captured traffic.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0020"],
            why: "Scheduled monitoring of production data can reveal drift caused by poisoned or manipulated inputs.",
        },
        "nist-ai-rmf": {
            implements: ["MEASURE 2.4", "MANAGE 4.1"],
            why: "A monitoring schedule on every endpoint is the post-deployment monitoring of the model's behaviour in production.",
        },
        "iso-27001": {
            supports: ["A.8.16"],
            why: "Monitoring activities: production model behaviour is analysed on a schedule.",
        },
        "iso-42001": {
            implements: ["A.6.2.6"],
            why: "AI system operation and monitoring: each deployed model is monitored in operation.",
        },
    }),
    peers: [{ tool: "prowler", id: "sagemaker_models_monitor_enabled" }],
    remediation: [
        "Add an aws.sagemaker.MonitoringSchedule whose monitoringScheduleConfig.monitoringJobDefinition.monitoringInputs.endpointInput.endpointName is endpoint.name,",
        "or a DataQualityJobDefinition whose dataQualityJobInput.endpointInput.endpointName is endpoint.name with a MonitoringSchedule that references the definition (definition.name).",
        "Enable data capture on the endpoint configuration, which Model Monitor reads.",
    ],
    notes: [
        "Schedules are matched to endpoints through property dependencies, which are known during preview: the schedule's monitoringScheduleConfig must depend on the endpoint, directly or through a DataQualityJobDefinition whose dataQualityJobInput depends on the endpoint. A schedule that names the endpoint with a literal string is not recognised; pass endpoint.name instead.",
        "Endpoints whose configuration in the stack has only serverless variants are skipped, because Model Monitor does not support serverless endpoints.",
        "Prowler sagemaker_models_monitor_enabled only tests that some schedule exists in the region; this check wants one per endpoint. Schedules owned by another stack are not seen, hence advisory.",
    ],
    validate(check) {
        const schedules = check.resources.filter((r) => r.type === scheduleType);
        const monitored = new Set<StackResource>();
        for (const schedule of schedules) {
            for (const dep of depsOf(schedule, "monitoringScheduleConfig")) {
                if (dep.type === endpointType) {
                    monitored.add(dep);
                } else if (dep.type === jobDefinitionType) {
                    for (const e of depsOf(dep, "dataQualityJobInput")) {
                        monitored.add(e);
                    }
                }
            }
        }
        for (const endpoint of check.resources.filter((r) => r.type === endpointType)) {
            if (monitored.has(endpoint) || isServerlessOnly(endpoint)) {
                continue;
            }
            check.fail(endpoint, {
                setting: "monitoring schedule",
                found: "missing (no MonitoringSchedule in the stack takes this endpoint as input)",
                expected:
                    "a MonitoringSchedule (or DataQualityJobDefinition with a schedule) that takes the endpoint as input",
            });
        }
    },
});
