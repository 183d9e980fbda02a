import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/**
 * Where a component's resources land, read from the provider its children use (an explicit
 * `provider`/`providers` option included), never from the stack's default `aws:region`.
 */
export interface AwsPlace {
    readonly region: pulumi.Output<string>;
    /** `aws`, `aws-cn`, `aws-us-gov`, ... for ARNs. */
    readonly partition: pulumi.Output<string>;
    /** `amazonaws.com`, or `amazonaws.com.cn` in China, for service principals and hosts. */
    readonly dnsSuffix: pulumi.Output<string>;
    /** `com.amazonaws`, or `cn.com.amazonaws` in China, for VPC endpoint service names. */
    readonly reverseDnsPrefix: pulumi.Output<string>;
    readonly accountId: pulumi.Output<string>;
}

/** Invokes go through `parent`, so they reach the provider the component's children inherit. */
export function awsPlace(parent: pulumi.Resource): AwsPlace {
    const opts = { parent };
    const partition = aws.getPartitionOutput({}, opts);
    return {
        region: aws.getRegionOutput({}, opts).region,
        partition: partition.partition,
        dnsSuffix: partition.dnsSuffix,
        reverseDnsPrefix: partition.reverseDnsPrefix,
        accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    };
}
