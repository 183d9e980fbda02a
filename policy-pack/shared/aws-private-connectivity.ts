// Whether a stack reaches an AWS service through Interface VPC endpoints with private DNS, shared by
// the Bedrock and SageMaker private-connectivity policies.
import type { StackCheck, StackResource } from "../core/definition";
import { describe } from "../core/values";
import { FindingSink } from "./iam-policy";

export const vpcEndpointType = "aws:ec2/vpcEndpoint:VpcEndpoint";

/** Whether an endpoint's service name is `service` in any region (suffix match on `.service`). */
function serves(endpoint: StackResource, service: string): boolean | "unknown" {
    const name = endpoint.get("serviceName");
    if (name.state === "unknown") {
        return "unknown";
    }
    return (
        name.state === "known" &&
        typeof name.value === "string" &&
        name.value.trim().toLowerCase().endsWith(`.${service.toLowerCase()}`)
    );
}

/**
 * For each required service, some Interface endpoint with private DNS must exist. Misconfigured
 * endpoints of the service are reported on the endpoint; a missing one on the first consumer.
 */
export function judgePrivateConnectivity(
    check: StackCheck<unknown>,
    consumers: readonly StackResource[],
    services: readonly string[],
    label: string,
): void {
    const first = consumers[0];
    if (!first) {
        return;
    }
    const endpoints = check.resources.filter((r) => r.type === vpcEndpointType);
    const sink = new FindingSink();
    const missing: string[] = [];
    for (const service of services) {
        const matching = endpoints.filter((e) => serves(e, service) === true);
        const maybe = endpoints.filter((e) => serves(e, service) === "unknown");
        const verdicts = matching.map((e) => {
            const findings: { setting: string; found: string; expected: string }[] = [];
            let unknown: string | undefined;
            const type = e.get("vpcEndpointType");
            if (type.state === "unknown") {
                unknown = "vpcEndpointType";
            } else if (
                !(type.state === "known" && typeof type.value === "string" && type.value.toLowerCase() === "interface")
            ) {
                findings.push({
                    setting: "vpcEndpointType",
                    found: type.state === "missing" ? 'not set (provider default "Gateway")' : describe(type),
                    expected: `"Interface" for the ${service} endpoint`,
                });
            }
            const dns = e.get("privateDnsEnabled");
            if (dns.state === "unknown") {
                unknown ??= "privateDnsEnabled";
            } else if (!(dns.state === "known" && dns.value === true)) {
                findings.push({
                    setting: "privateDnsEnabled",
                    found: dns.state === "missing" ? "not set (provider default false)" : describe(dns),
                    expected: `true, so ${label} SDK calls resolve to the endpoint`,
                });
            }
            return { e, findings, unknown };
        });
        if (verdicts.some((v) => v.findings.length === 0 && !v.unknown)) {
            continue;
        }
        const pending = verdicts.find((v) => v.findings.length === 0 && v.unknown);
        if (pending?.unknown) {
            sink.undecided(pending.e, pending.unknown);
            continue;
        }
        if (maybe[0]) {
            sink.undecided(maybe[0], "serviceName");
            continue;
        }
        if (verdicts.length > 0) {
            for (const v of verdicts) {
                for (const f of v.findings) {
                    sink.fail(v.e, f);
                }
            }
            continue;
        }
        missing.push(service);
    }
    // One finding for all missing services, so a stack without endpoints reads as one gap, not several.
    if (missing.length > 0) {
        sink.fail(first, {
            setting: "private connectivity",
            found: `missing: the stack uses ${label} but declares no Interface VPC endpoint for ${missing.join(", ")}`,
            expected: `an aws.ec2.VpcEndpoint per service with serviceName "com.amazonaws.<region>.<service>" (or the service's regional name), vpcEndpointType "Interface" and privateDnsEnabled true`,
        });
    }
    sink.report(check);
}

/** The `requiredServices` policy config, when set: service suffixes that replace the policy's default list. */
export function configuredServices(config: unknown): string[] | undefined {
    const value = (config as { requiredServices?: unknown } | undefined)?.requiredServices;
    return Array.isArray(value)
        ? value.filter((s): s is string => typeof s === "string" && s.trim() !== "")
        : undefined;
}
