import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../../shared/validation";

/** arn:partition:service:region:account:resource, the shape every AWS ARN has. */
const arnShape = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

export interface ParsedArn {
    readonly partition: string;
    readonly service: string;
    readonly region: string;
    readonly account: string;
    readonly resource: string;
}

export function parseArn(value: string): ParsedArn | undefined {
    const m = arnShape.exec(value);
    return m
        ? {
              partition: m[1] as string,
              service: m[2] as string,
              region: m[3] as string,
              account: m[4] as string,
              resource: m[5] as string,
          }
        : undefined;
}

/** A KMS key or alias ARN, checked when the program gives it as a plain string. */
export function requireKmsKeyArn(component: string, argument: string, value: pulumi.Input<string> | undefined): void {
    if (typeof value !== "string") {
        return;
    }
    const arn = parseArn(value);
    if (arn?.service !== "kms" || arn.region === "" || !/^(key\/[\w-]+|alias\/[\w/-]+)$/.test(arn.resource)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: a KMS key ARN such as 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'`,
        );
    }
}

/**
 * The key ARN, failing once the provider's region is known if the key lives in another region or
 * partition: SageMaker, S3, CloudWatch Logs and Bedrock reject a key from elsewhere only at `pulumi up`.
 */
export function keyInRegion(
    component: string,
    instance: string,
    argument: string,
    value: pulumi.Input<string>,
    region: pulumi.Output<string>,
    partition: pulumi.Output<string>,
): pulumi.Output<string> {
    return pulumi.all([value, region, partition]).apply(([key, r, p]) => {
        const arn = parseArn(key);
        if (arn && (arn.region !== r || arn.partition !== p)) {
            throw new ArgumentError(
                component,
                argument,
                `is a key in ${arn.region} (${arn.partition}); allowed: a key in the provider's region ${r} (${p})`,
                instance,
            );
        }
        return key;
    });
}

/** A name where an IAM API takes a name: an ARN there fails only at `pulumi up`. */
export function requireRoleName(component: string, argument: string, value: pulumi.Input<string>): void {
    if (typeof value !== "string") {
        return;
    }
    if (value.startsWith("arn:")) {
        const role = /:role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(value)?.[1];
        throw new ArgumentError(
            component,
            argument,
            `is the ARN '${value}'; allowed: the role name${role ? `, here '${role}'` : ""}`,
        );
    }
    if (!/^[\w+=,.@-]{1,64}$/.test(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: an IAM role name of 1 to 64 letters, digits and + = , . @ _ -`,
        );
    }
}
