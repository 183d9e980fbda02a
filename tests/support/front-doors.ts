// Fixture stacks shared by the load balancer policy tests: a model behind a Lambda function behind a
// load balancer, as the classification finds it.
import type * as aws from "@pulumi/aws";
import type { WireObject } from "../../harness/model";
import { type FixtureResource, resource, unknown } from "./pack";

/** `${p}-endpoint` ← `${p}-fn` (front door) ← `${p}-attach` → `${p}-tg`, and load balancer `${p}-lb`. */
export function lambdaBehindLb(p: string, lbInputs: WireObject = {}): FixtureResource[] {
    return [
        resource("aws:sagemaker/endpoint:Endpoint", `${p}-endpoint`, { endpointConfigName: unknown }),
        resource(
            "aws:lambda/function:Function",
            `${p}-fn`,
            {
                role: "arn:aws:iam::123456789012:role/fn",
                runtime: "python3.12",
                handler: "app.handler",
                environment: { variables: { ENDPOINT_NAME: unknown } },
            } satisfies aws.lambda.FunctionArgs as WireObject,
            { propertyDependencies: { environment: [`${p}-endpoint`] } },
        ),
        resource("aws:lb/targetGroup:TargetGroup", `${p}-tg`, { targetType: "lambda" }),
        resource(
            "aws:lb/targetGroupAttachment:TargetGroupAttachment",
            `${p}-attach`,
            { targetGroupArn: unknown, targetId: unknown } satisfies aws.lb.TargetGroupAttachmentArgs as WireObject,
            { propertyDependencies: { targetGroupArn: [`${p}-tg`], targetId: [`${p}-fn`] } },
        ),
        resource("aws:lb/loadBalancer:LoadBalancer", `${p}-lb`, lbInputs),
    ];
}

/** A listener of `${p}-lb` forwarding to `${p}-tg`. */
export function listener(name: string, p: string, inputs: WireObject): FixtureResource {
    return resource("aws:lb/listener:Listener", name, inputs, {
        propertyDependencies: { loadBalancerArn: [`${p}-lb`], defaultActions: [`${p}-tg`] },
    });
}
