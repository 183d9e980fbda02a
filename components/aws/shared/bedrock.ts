import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../../shared/validation";
import type { AwsPlace } from "./place";

/** `provider.model-name[:version]`, as Bedrock names foundation models. */
const modelId = /^[a-z0-9-]+\.[a-z0-9][a-z0-9.:-]*$/;
/** Cross-region inference profiles prefix a geography; their permissions span several regions. */
const profilePrefix = /^(us|eu|apac|jp|au|ca|us-gov|global)\./;

/** A foundation model id, so that a grant on it names one model in one region. */
export function requireFoundationModelId(component: string, argument: string, value: string): void {
    if (!modelId.test(value) || profilePrefix.test(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: a foundation model id such as 'anthropic.claude-3-5-haiku-20241022-v1:0' (not an ARN or a cross-region inference profile)`,
        );
    }
}

/** The ARN of a foundation model in the provider's region: foundation models have no account. */
export function foundationModelArn(place: AwsPlace, model: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${place.partition}:bedrock:${place.region}::foundation-model/${model}`;
}

/** Bedrock names agents, action groups and functions with letters, digits, `_` and `-`. */
export function requireBedrockName(component: string, argument: string, value: string): void {
    if (!/^([0-9a-zA-Z][_-]?){1,100}$/.test(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: 1 to 100 letters, digits, '_' and '-', starting with a letter or digit, no two separators in a row`,
        );
    }
}

/** A trust policy for a role only Bedrock may assume, and only for this account's resources of one kind. */
export function bedrockTrustPolicy(place: AwsPlace, resourceKind: "agent" | "knowledge-base"): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "bedrock.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": place.accountId },
                    ArnLike: {
                        "aws:SourceArn": pulumi.interpolate`arn:${place.partition}:bedrock:${place.region}:${place.accountId}:${resourceKind}/*`,
                    },
                },
            },
        ],
    });
}
