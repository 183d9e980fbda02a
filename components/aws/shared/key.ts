import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { keyInRegion } from "./arns";
import type { AwsPlace } from "./place";

/**
 * The customer managed key a component encrypts with: the one given (checked against the provider's
 * region once that is known), or a new key with rotation on and a 30-day deletion window, as the
 * pack's ai-kms-key-hygiene expects.
 */
export function componentKey(
    component: string,
    instance: string,
    given: pulumi.Input<string> | undefined,
    place: AwsPlace,
    description: string,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): pulumi.Output<string> {
    if (given !== undefined) {
        return keyInRegion(component, instance, "kmsKeyArn", given, place.region, place.partition);
    }
    return new aws.kms.Key(
        `${instance}-key`,
        { description, enableKeyRotation: true, deletionWindowInDays: 30, tags },
        { parent },
    ).arn;
}
