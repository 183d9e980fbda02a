import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { sagemakerRoles } from "../../../shared/ai-role-owners";
import { FindingSink, judgeRoles } from "../../../shared/iam-policy";

const forbiddenManaged: ReadonlySet<string> = new Set([
    "administratoraccess",
    "poweruseraccess",
    "amazonsagemakerfullaccess",
    "amazons3fullaccess",
]);

export default defineStackPolicy({
    id: "sagemaker-exec-role-least-privilege",
    cloud: "aws",
    resourceTypes: [
        "aws:sagemaker/notebookInstance:NotebookInstance",
        "aws:sagemaker/model:Model",
        "aws:sagemaker/trainingJob:TrainingJob",
        "aws:sagemaker/domain:Domain",
        "aws:sagemaker/userProfile:UserProfile",
        "aws:sagemaker/featureGroup:FeatureGroup",
        "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    ],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'IAM roles used by SageMaker resources have no Allow of "*", "sagemaker:*" or "s3:*" on every resource and no AdministratorAccess, PowerUserAccess, AmazonSageMakerFullAccess or AmazonS3FullAccess attachment.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-6"],
            supports: ["AC-6(1)"],
            why: "SageMaker execution roles have no wildcard grants and none of the administrator or full-access managed policies.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0012"],
            why: "A stolen SageMaker role credential cannot be used against every resource in the account.",
        },
        "iso-27001": {
            implements: ["A.8.2"],
            why: "Privileged access rights: ML workloads get no administrative permissions.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV2_AWS_68" }],
    remediation: [
        "Give each SageMaker execution role a policy that lists the specific actions it needs (for example sagemaker:InvokeEndpoint, s3:GetObject) on the ARNs of the AI buckets, models and keys it uses.",
        "Detach AdministratorAccess, PowerUserAccess, AmazonSageMakerFullAccess and AmazonS3FullAccess from the role.",
    ],
    notes: [
        "A role is checked when a SageMaker resource references it through property dependencies (roleArn, executionRoleArn, defaultUserSettings.executionRole, userSettings.executionRole and similar); ARNs are never matched, because they are unknown during preview.",
        "The role's inline policies, managed policy ARNs, RolePolicy resources and RolePolicyAttachment or PolicyAttachment resources are inspected; attachments of a customer managed aws.iam.Policy are followed to the policy's document, and the violation is reported on the resource whose document or ARN grants the access.",
        'A statement counts as broad when it allows "*", "sagemaker:*" or "s3:*" (or uses NotAction) with Resource "*" or NotResource. A document or managed policy ARN that is unknown during preview leaves the verdict to pulumi up.',
        'Checkov and Prowler flag only full administrative access ("*" on "*"); this check also flags whole-service grants of SageMaker and S3, which reach every business bucket.',
    ],
    validate(check) {
        const roles = sagemakerRoles(check.resources, check.classification);
        const sink = new FindingSink();
        judgeRoles(
            check,
            roles,
            { actions: ["*", "sagemaker:*", "s3:*"], forbiddenManaged: (n) => forbiddenManaged.has(n.toLowerCase()) },
            "actions and resources scoped to what the SageMaker workload needs",
            sink,
        );
        sink.report(check);
    },
});
