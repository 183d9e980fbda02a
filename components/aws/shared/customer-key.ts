import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { keyInRegion } from "./arns";
import type { AwsPlace } from "./place";

/**
 * The customer managed key a component encrypts with: the caller's key, checked against the
 * provider's region once it is known, or a new key with rotation on and the longest deletion window,
 * created as a child so it is tagged into the AI system with the component.
 */
export function customerKey(
    parent: pulumi.Resource,
    component: string,
    name: string,
    given: pulumi.Input<string> | undefined,
    place: AwsPlace,
    purpose: string,
    tags: Record<string, string>,
): pulumi.Output<string> {
    if (given !== undefined) {
        return keyInRegion(component, name, "kmsKeyArn", given, place.region, place.partition);
    }
    return new aws.kms.Key(
        `${name}-key`,
        { description: `Encrypts ${purpose}`, enableKeyRotation: true, deletionWindowInDays: 30, tags },
        { parent },
    ).arn;
}
