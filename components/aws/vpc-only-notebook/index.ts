import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireRange, validateFor } from "../../shared/validation";
import { requireKmsKeyArn } from "../shared/arns";
import { customerKey } from "../shared/customer-key";
import { awsPlace } from "../shared/place";
import { requireMlInstanceType, requireSageMakerName } from "../shared/sagemaker-names";
import { sagemakerRole } from "../shared/sagemaker-role";
import { validateStoreAccess } from "../shared/store-access";
import type { VpcOnlyNotebookArgs } from "./args";

export type { NotebookLifecycle, VpcOnlyNotebookArgs } from "./args";

const type = "aiguard:aws:VpcOnlyNotebook";

/** SageMaker's limit on one lifecycle script, counted in base64 characters. */
const maxScriptLength = 16384;

const encode = (script: string) => Buffer.from(script, "utf8").toString("base64");

/** Checks every argument that is known at construction. Exported for tests. */
export function validateVpcOnlyNotebookArgs(args: VpcOnlyNotebookArgs, name = "notebook"): void {
    // The notebook is auto-named from the component's name plus an 8-character suffix.
    requireSageMakerName(type, "(instance)", name, "research", 55);
    if (args.network === undefined || args.network === null) {
        throw new ArgumentError(type, "network", "is missing; allowed: a PrivateAiNetwork");
    }
    if (args.instanceType !== undefined) {
        requireMlInstanceType(type, "instanceType", args.instanceType, "ml.t3.medium");
    }
    if (args.volumeSizeInGb !== undefined) {
        requireRange(type, "volumeSizeInGb", args.volumeSizeInGb, 5, 16384);
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
    if (args.platformIdentifier !== undefined && !/^notebook-al[0-9]+-v\d+$/.test(args.platformIdentifier)) {
        throw new ArgumentError(
            type,
            "platformIdentifier",
            `is '${args.platformIdentifier}'; allowed: a notebook platform such as 'notebook-al2023-v1'`,
        );
    }
    if (args.lifecycle !== undefined) {
        const { onCreate, onStart } = args.lifecycle;
        if (onCreate === undefined && onStart === undefined) {
            throw new ArgumentError(type, "lifecycle", "has no script; allowed: onCreate, onStart or both");
        }
        for (const [key, script] of [
            ["onCreate", onCreate],
            ["onStart", onStart],
        ] as const) {
            if (script !== undefined && (script.trim() === "" || encode(script).length > maxScriptLength)) {
                throw new ArgumentError(
                    type,
                    `lifecycle.${key}`,
                    `is ${script.trim() === "" ? "empty" : `${encode(script).length} characters once base64-encoded`}; allowed: a script of up to ${maxScriptLength} base64 characters`,
                );
            }
        }
    }
    validateStoreAccess(type, "storeAccess", args.storeAccess ?? []);
}

/**
 * A SageMaker notebook instance reachable only inside the AI network: no direct internet access, no
 * root for users, IMDSv2 only, the storage volume under a customer managed key, a supported platform,
 * and a dedicated role limited to its own logs and the store prefixes it is granted.
 */
export class VpcOnlyNotebook extends pulumi.ComponentResource {
    readonly notebook: aws.sagemaker.NotebookInstance;
    readonly role: aws.iam.Role;
    readonly lifecycleConfiguration?: aws.sagemaker.NotebookInstanceLifecycleConfiguration;
    readonly notebookName: pulumi.Output<string>;
    readonly notebookArn: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: VpcOnlyNotebookArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateVpcOnlyNotebookArgs(args, name));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        this.kmsKeyArn = customerKey(this, type, name, args.kmsKeyArn, place, `the ${name} notebook volume`, tags);
        this.role = sagemakerRole(this, name, place, "/aws/sagemaker/NotebookInstances", args.storeAccess ?? [], tags);
        if (args.lifecycle !== undefined) {
            const { onCreate, onStart } = args.lifecycle;
            this.lifecycleConfiguration = new aws.sagemaker.NotebookInstanceLifecycleConfiguration(
                name,
                {
                    ...(onCreate === undefined ? {} : { onCreate: encode(onCreate) }),
                    ...(onStart === undefined ? {} : { onStart: encode(onStart) }),
                    tags,
                },
                { parent: this },
            );
        }
        const subnetId = args.network.subnetIds[0];
        if (subnetId === undefined) {
            throw new ArgumentError(type, "network", "has no private subnet", name);
        }
        this.notebook = new aws.sagemaker.NotebookInstance(
            name,
            {
                instanceType: args.instanceType ?? "ml.t3.medium",
                volumeSize: args.volumeSizeInGb ?? 5,
                platformIdentifier: args.platformIdentifier ?? "notebook-al2023-v1",
                roleArn: this.role.arn,
                kmsKeyId: this.kmsKeyArn,
                subnetId,
                securityGroups: [args.network.workloadSecurityGroup.id],
                directInternetAccess: "Disabled",
                rootAccess: "Disabled",
                instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" },
                lifecycleConfigName: this.lifecycleConfiguration?.name,
                tags,
            },
            { parent: this },
        );
        this.notebookName = this.notebook.name;
        this.notebookArn = this.notebook.arn;
        this.roleArn = this.role.arn;
        this.registerOutputs({
            notebookName: this.notebookName,
            notebookArn: this.notebookArn,
            roleArn: this.roleArn,
            kmsKeyArn: this.kmsKeyArn,
        });
    }
}
