// Authentication of Azure front doors (App Service and Function apps, Container Apps): the built-in
// authentication ("Easy Auth") resources that configure an app, matched through property
// dependencies, and what in them turns anonymous callers away.
import type { Finding, StackCheck, StackResource } from "../core/definition";
import { arrayOf, describe } from "../core/values";

/** Actions that turn away unauthenticated callers. */
const denying = new Set(["redirecttologinpage", "return401", "return403"]);

export type AuthVerdict =
    | { readonly kind: "authenticated" }
    | { readonly kind: "anonymous"; readonly found: string }
    | { readonly kind: "unknown"; readonly path: string };

/**
 * Whether an auth config turns anonymous callers away: platform.enabled is true and either
 * `requireAuthentication` (App Service) is true or the unauthenticated action is a denying one.
 */
export function authVerdict(config: StackResource, requireAuthenticationProp: boolean): AuthVerdict {
    const enabled = config.get("platform.enabled");
    if (enabled.state === "unknown") {
        return { kind: "unknown", path: "platform.enabled" };
    }
    if (!(enabled.state === "known" && enabled.value === true)) {
        return {
            kind: "anonymous",
            found: `an auth config '${config.name}' with platform.enabled ${describe(enabled)}`,
        };
    }
    const action = config.get("globalValidation.unauthenticatedClientAction");
    if (action.state === "unknown") {
        return { kind: "unknown", path: "globalValidation.unauthenticatedClientAction" };
    }
    const denies =
        action.state === "known" && typeof action.value === "string" && denying.has(action.value.toLowerCase());
    if (requireAuthenticationProp) {
        const required = config.get("globalValidation.requireAuthentication");
        if (required.state === "unknown") {
            return { kind: "unknown", path: "globalValidation.requireAuthentication" };
        }
        if (required.state === "known" && required.value === true && action.state !== "known") {
            return { kind: "authenticated" };
        }
        if (!(required.state === "known" && required.value === true)) {
            return {
                kind: "anonymous",
                found: `an auth config '${config.name}' with globalValidation.requireAuthentication ${describe(required)}`,
            };
        }
    }
    return denies
        ? { kind: "authenticated" }
        : {
              kind: "anonymous",
              found: `an auth config '${config.name}' with globalValidation.unauthenticatedClientAction ${describe(action)}`,
          };
}

/** Auth configs of each app, through the property that names the app. */
export function authConfigsByApp(
    resources: readonly StackResource[],
    configType: string,
    appProp: string,
): Map<StackResource, StackResource[]> {
    const out = new Map<StackResource, StackResource[]>();
    for (const r of resources) {
        if (r.type !== configType) {
            continue;
        }
        for (const app of r.propertyDependencies[appProp] ?? []) {
            out.set(app, [...(out.get(app) ?? []), r]);
        }
    }
    return out;
}

/**
 * Reports an app that takes anonymous callers: no auth config, or none that turns them away. Any
 * config that authenticates is enough; an unknown one leaves the verdict to `pulumi up`.
 */
export function judgeAuthentication(
    check: StackCheck<unknown>,
    app: StackResource,
    configs: readonly StackResource[],
    requireAuthenticationProp: boolean,
    expected: string,
): void {
    const verdicts = configs.map((c) => authVerdict(c, requireAuthenticationProp));
    if (verdicts.some((v) => v.kind === "authenticated")) {
        return;
    }
    const unknown = verdicts.find((v) => v.kind === "unknown");
    if (unknown && unknown.kind === "unknown") {
        check.undecided(app, unknown.path);
        return;
    }
    const anonymous = verdicts.find((v) => v.kind === "anonymous");
    check.fail(app, {
        setting: "authentication",
        found:
            anonymous && anonymous.kind === "anonymous"
                ? anonymous.found
                : "not configured (no auth config names this app)",
        expected,
    });
}

/** A `*` in a list of allowed CORS origins, as a finding on `path`. */
export function wildcardOrigin(values: unknown, path: string): Finding | undefined {
    const list = arrayOf({ state: "known", value: values }) ?? [];
    const at = list.findIndex((o) => typeof o === "string" && o.trim() === "*");
    return at >= 0 ? { setting: `${path}[${at}]`, found: '"*"', expected: "named origins only" } : undefined;
}
