import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck, type StackResource } from "../../../core/definition";
import { awsManagedPolicyName } from "../../../shared/iam-policy";

const roleType = "aws:iam/role:Role";
const fullAccess = "amazonbedrockfullaccess";

function isBedrockFullAccess(arn: unknown): boolean {
    return awsManagedPolicyName(arn)?.toLowerCase() === fullAccess;
}

const attachmentTypes = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
];
const types: ReadonlySet<string> = new Set([roleType, ...attachmentTypes]);

/** An ARN that comes from a policy the program creates is a customer managed policy, never the AWS one. */
function fromCustomerPolicy(r: StackResource, prop: string): boolean {
    const deps = r.propertyDependencies[prop] ?? [];
    return deps.length > 0 && deps.every((d) => d.type === "aws:iam/policy:Policy");
}

function judge(r: StackResource, check: StackCheck<unknown>): void {
    if (r.type === roleType) {
        const arns = r.get("managedPolicyArns");
        if (arns.state === "unknown") {
            if (r.setByProgram("managedPolicyArns") !== false && !fromCustomerPolicy(r, "managedPolicyArns")) {
                check.undecided(r, "managedPolicyArns");
            }
            return;
        }
        if (arns.state !== "known" || !Array.isArray(arns.value)) {
            return;
        }
        const at = arns.value.findIndex(isBedrockFullAccess);
        if (at >= 0) {
            check.fail(r, {
                setting: `managedPolicyArns[${at}]`,
                found: "the AWS managed policy AmazonBedrockFullAccess",
                expected: "a policy scoped to the Bedrock actions and resources the role needs",
            });
        }
        return;
    }
    const arn = r.get("policyArn");
    if (arn.state === "unknown") {
        if (!fromCustomerPolicy(r, "policyArn")) {
            check.undecided(r, "policyArn");
        }
    } else if (arn.state === "known" && isBedrockFullAccess(arn.value)) {
        check.fail(r, {
            setting: "policyArn",
            found: "the AWS managed policy AmazonBedrockFullAccess",
            expected: "a policy scoped to the Bedrock actions and resources the identity needs",
        });
    }
}

export default defineStackPolicy({
    id: "no-bedrock-full-access-policy",
    cloud: "aws",
    resourceTypes: [...types],
    area: "identity",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "No IAM role, user or group is given the AWS managed policy AmazonBedrockFullAccess.",
    controls: cite({
        "nist-800-53": {
            supports: ["AC-6"],
            why: "No principal receives AmazonBedrockFullAccess, which includes model management and guardrail changes.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Access to Bedrock is granted through scoped policies rather than the full-access managed policy.",
        },
        "iso-27001": {
            supports: ["A.5.15"],
            why: "Access control: Bedrock access is not granted wholesale.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_full_access_policy_attached" }],
    remediation: [
        "Replace AmazonBedrockFullAccess with a policy that allows only the Bedrock actions the identity needs (for example bedrock:InvokeModel) on the ARNs of the models, agents or knowledge bases it uses.",
    ],
    notes: [
        "AmazonBedrockFullAccess allows every Bedrock action, including changing model invocation logging, deleting guardrails and creating provisioned throughput, on every resource.",
        "The policy ARN is matched in every partition (aws, aws-cn, aws-us-gov). Role.managedPolicyArns and the policyArn of role, user, group and multi-entity attachments are checked; a policyArn or managedPolicyArns list unknown during preview leaves the verdict to pulumi up, while a single unknown element of managedPolicyArns (usually a customer policy's arn) is not flagged.",
        "Prowler bedrock_full_access_policy_attached skips service-linked roles; this check applies to every identity the stack declares.",
        "Evaluated on the stack, so that an ARN taken from an aws.iam.Policy of the same program (unknown during preview, and never the AWS managed policy) passes instead of waiting for pulumi up. Attaching an AWS managed Bedrock, AgentCore or SageMaker policy makes the identity part of the AI system.",
    ],
    validate(check) {
        for (const r of check.resources) {
            if (types.has(r.type)) {
                judge(r, check);
            }
        }
    },
});
