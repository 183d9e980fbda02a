import { ArgumentError } from "../../shared/validation";

/**
 * The name shape SageMaker accepts for domains, user profiles and notebook instances. `maxLength` is
 * lower where the provider appends a random suffix to the name.
 */
export function requireSageMakerName(
    component: string,
    argument: string,
    value: string,
    example: string,
    maxLength = 63,
): void {
    if (value.length > maxLength || !/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/.test(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: 1 to ${maxLength} letters, digits and inner hyphens, e.g. '${example}'`,
        );
    }
}

/** `ml.<family>.<size>`, the shape of every SageMaker instance type. */
export function requireMlInstanceType(component: string, argument: string, value: string, example: string): void {
    if (!/^ml\.[a-z][a-z0-9-]*\.(\d*x?large|medium|small|micro|\d+xlarge)$/.test(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: a SageMaker instance type such as '${example}'`,
        );
    }
}
