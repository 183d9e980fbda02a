import { describe, expect, it } from "vitest";
import type { StackResource } from "../policy-pack/core/definition";
import { readPath, type Value } from "../policy-pack/core/values";
import {
    allowsPublicPrincipal,
    awsManagedPolicyName,
    coversAllResources,
    deniesInsecureTransport,
    grantsAction,
    hasConstrainingCondition,
    isBroadAllow,
    type ParsedPolicy,
    parsePolicy,
    policiesOfRole,
    principalScopeKeys,
    type Statement,
    someStatement,
    wildcardMatch,
} from "../policy-pack/shared/iam-policy";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const UO = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";
const UA = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

function one(doc: unknown): Statement {
    const p = parsePolicy(doc);
    if (p.state !== "parsed") {
        throw new Error(`expected parsed, got ${p.state}`);
    }
    return p.statements[0] as Statement;
}

const stmt = (s: Record<string, unknown>) => one({ Version: "2012-10-17", Statement: s });

describe("parsePolicy", () => {
    it("parses JSON strings and objects, with Statement as object or array", () => {
        const s = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
        const fromString = parsePolicy(JSON.stringify({ Statement: [s, s] }));
        expect(fromString.state).toBe("parsed");
        expect((fromString as Extract<ParsedPolicy, { state: "parsed" }>).statements).toHaveLength(2);
        const fromObject = parsePolicy({ Statement: s });
        expect(fromObject.state).toBe("parsed");
        const st = (fromObject as Extract<ParsedPolicy, { state: "parsed" }>).statements[0];
        expect(st?.effect).toBe("Allow");
        expect(st?.action?.values).toEqual(["s3:GetObject"]);
        expect(st?.resource?.values).toEqual(["*"]);
        expect(st?.principal).toBeUndefined();
    });

    it("accepts Values read from a resource", () => {
        const bag = { policy: JSON.stringify({ Statement: [] }), computed: U };
        expect(parsePolicy(readPath(bag, "policy")).state).toBe("parsed");
        expect(parsePolicy(readPath(bag, "computed"))).toEqual({ state: "unknown" });
        expect(parsePolicy(readPath(bag, "absent"))).toEqual({ state: "missing" });
        const v: Value = { state: "known", value: { Statement: { Effect: "Deny", Action: "*" } } };
        expect(parsePolicy(v).state).toBe("parsed");
    });

    it("reports unknown for sentinels anywhere they make the document undecidable", () => {
        expect(parsePolicy(U)).toEqual({ state: "unknown" });
        expect(parsePolicy({ Statement: UA })).toEqual({ state: "unknown" });
        expect(parsePolicy({ Statement: [UO] })).toEqual({ state: "unknown" });
        expect(parsePolicy(`{"Statement": [{"Resource": "${U}"`)).toEqual({ state: "unknown" });
    });

    it("reports invalid documents without throwing", () => {
        for (const bad of ["{not json", "[]", "42", "null", '{"Version":"2012-10-17"}', '{"Statement":[1]}']) {
            expect(parsePolicy(bad).state).toBe("invalid");
        }
        for (const bad of [42, true, [], { Statement: "x" }, { Statement: [null] }]) {
            expect(parsePolicy(bad).state).toBe("invalid");
        }
        expect(parsePolicy(undefined)).toEqual({ state: "missing" });
        expect(parsePolicy(null)).toEqual({ state: "missing" });
        expect(parsePolicy("  ")).toEqual({ state: "missing" });
    });

    it("reads keys case-insensitively and keeps odd effects as invalid", () => {
        const s = one({ statement: { effect: "allow", action: ["S3:*"], resource: "*" } });
        expect(s.effect).toBe("Allow");
        expect(stmt({ Effect: "Maybe" }).effect).toBe("invalid");
        expect(stmt({ Effect: 3 }).effect).toBe("invalid");
        expect(stmt({ Effect: U }).effect).toBe("unknown");
    });

    it("ignores non-string list members and records unknown ones", () => {
        const s = stmt({ Effect: "Allow", Action: ["s3:GetObject", 5, null, U], Resource: [U] });
        expect(s.action).toEqual({ values: ["s3:GetObject"], unknown: true });
        expect(s.resource).toEqual({ values: [], unknown: true });
    });
});

describe("action matching", () => {
    it("matches wildcards case-insensitively", () => {
        expect(wildcardMatch("s3:*", "S3:GetObject")).toBe(true);
        expect(wildcardMatch("s3:Get*", "s3:getobject")).toBe(true);
        expect(wildcardMatch("s3:Get*", "s3:PutObject")).toBe(false);
        expect(wildcardMatch("*", "anything:At")).toBe(true);
        expect(wildcardMatch("s3:?etObject", "s3:GetObject")).toBe(true);
        expect(wildcardMatch("s3:*Object", "s3:GetObjectAcl")).toBe(false);
        expect(wildcardMatch("s3:*Object*", "s3:GetObjectAcl")).toBe(true);
    });

    it("grantsAction treats the query as a set of actions", () => {
        const all = stmt({ Effect: "Allow", Action: "*", Resource: "*" });
        const s3All = stmt({ Effect: "Allow", Action: "S3:*", Resource: "*" });
        const s3Get = stmt({ Effect: "Allow", Action: ["s3:Get*"], Resource: "*" });
        expect(grantsAction(all, "s3:*")).toBe(true);
        expect(grantsAction(s3All, "s3:*")).toBe(true);
        expect(grantsAction(s3Get, "s3:*")).toBe(false);
        expect(grantsAction(s3Get, "s3:GetObject")).toBe(true);
        expect(grantsAction(stmt({ Effect: "Deny", Action: "*" }), "s3:*")).toBe(false);
        expect(grantsAction(stmt({ Effect: "Allow", Action: [U] }), "s3:*")).toBe("unknown");
        expect(grantsAction(stmt({ Effect: U, Action: "*" }), "s3:*")).toBe("unknown");
        expect(grantsAction(stmt({ Effect: "Allow" }), "s3:*")).toBe(false);
    });

    it("handles NotAction as a complement", () => {
        const notIam = stmt({ Effect: "Allow", NotAction: "iam:*", Resource: "*" });
        expect(grantsAction(notIam, "s3:*")).toBe(true);
        expect(grantsAction(notIam, "iam:CreateUser")).toBe(false);
        expect(grantsAction(notIam, "*")).toBe(false);
        const notS3Get = stmt({ Effect: "Allow", NotAction: "s3:GetObject", Resource: "*" });
        expect(grantsAction(notS3Get, "s3:*")).toBe(false);
        expect(grantsAction(notS3Get, "s3:PutObject")).toBe(true);
    });
});

describe("resources and broad grants", () => {
    it("recognizes Resource * and NotResource as every resource", () => {
        expect(coversAllResources(stmt({ Resource: ["arn:aws:s3:::b/*", "*"] }))).toBe(true);
        expect(coversAllResources(stmt({ Resource: "arn:aws:s3:::b/*" }))).toBe(false);
        expect(coversAllResources(stmt({ NotResource: "arn:aws:s3:::b" }))).toBe(true);
        expect(coversAllResources(stmt({ Resource: U }))).toBe("unknown");
        expect(coversAllResources(stmt({}))).toBe(false);
    });

    it("isBroadAllow needs a wildcard service and every resource", () => {
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "*", Resource: "*" }))).toBe(true);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "sagemaker:*", Resource: "*" }))).toBe(true);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "sagemaker:*", Resource: "arn:x" }))).toBe(false);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }))).toBe(false);
        expect(isBroadAllow(stmt({ Effect: "Deny", Action: "*", Resource: "*" }))).toBe(false);
        expect(isBroadAllow(stmt({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }))).toBe(true);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "*", Resource: U }))).toBe("unknown");
    });

    it("isBroadAllow with queries only counts those action sets", () => {
        const q = ["*", "s3:*", "sagemaker:*"];
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "s3:*", Resource: "*" }), q)).toBe(true);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "logs:*", Resource: "*" }), q)).toBe(false);
        expect(isBroadAllow(stmt({ Effect: "Allow", Action: "*", Resource: "*" }), q)).toBe(true);
    });
});

describe("principals and conditions", () => {
    const allowAll = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };

    it("recognizes the public principal forms", () => {
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: "*" }))).toBe(true);
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: { AWS: "*" } }))).toBe(true);
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: { AWS: ["arn:aws:iam::1:root", "*"] } }))).toBe(
            true,
        );
        expect(allowsPublicPrincipal(stmt({ ...allowAll, NotPrincipal: { AWS: "arn:aws:iam::1:root" } }))).toBe(true);
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: { AWS: "arn:aws:iam::1:root" } }))).toBe(false);
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: { Service: "bedrock.amazonaws.com" } }))).toBe(
            false,
        );
        expect(
            allowsPublicPrincipal(stmt({ ...allowAll, Principal: { Federated: "cognito-identity.amazonaws.com" } })),
        ).toBe(false);
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: { AWS: [U] } }))).toBe("unknown");
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: U }))).toBe("unknown");
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Effect: "Deny", Principal: "*" }))).toBe(false);
        expect(allowsPublicPrincipal(stmt({ ...allowAll }))).toBe(false);
    });

    it("accepts a public principal constrained by organization, account or network", () => {
        for (const [op, key, value] of [
            ["StringEquals", "aws:PrincipalOrgID", "o-abc"],
            ["StringEquals", "AWS:principalorgid", ["o-abc"]],
            ["StringEquals", "aws:SourceVpce", "vpce-1"],
            ["StringEquals", "aws:SourceVpc", "vpc-1"],
            ["StringEquals", "aws:SourceAccount", "123"],
            ["StringEquals", "aws:PrincipalAccount", "123"],
            ["ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-a/r-b/*"],
            ["StringEquals", "aws:PrincipalOrgID", U],
        ] as const) {
            const s = stmt({ ...allowAll, Principal: "*", Condition: { [op]: { [key]: value } } });
            expect(allowsPublicPrincipal(s), `${op} ${key}`).toBe(false);
        }
    });

    it("does not count negated, IfExists, wildcard-only or unrelated conditions", () => {
        for (const cond of [
            { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } },
            { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc" } },
            { StringLike: { "aws:PrincipalOrgID": "*" } },
            { Bool: { "aws:SecureTransport": "true" } },
            { StringEquals: { "aws:PrincipalOrgID": [] } },
            "odd",
            [1, 2],
        ]) {
            const s = stmt({ ...allowAll, Principal: "*", Condition: cond });
            expect(allowsPublicPrincipal(s), JSON.stringify(cond)).toBe(true);
        }
        expect(allowsPublicPrincipal(stmt({ ...allowAll, Principal: "*", Condition: UO }))).toBe("unknown");
    });

    it("restricts the constraining keys when asked", () => {
        const s = stmt({ ...allowAll, Principal: "*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } });
        expect(hasConstrainingCondition(s)).toBe(true);
        expect(hasConstrainingCondition(s, principalScopeKeys)).toBe(false);
        expect(allowsPublicPrincipal(s, principalScopeKeys)).toBe(true);
    });
});

describe("TLS-only deny", () => {
    const tls = {
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    it("recognizes the standard statement and its variants", () => {
        expect(deniesInsecureTransport(stmt(tls), "s3")).toBe(true);
        expect(deniesInsecureTransport(stmt({ ...tls, Action: "*" }), "s3")).toBe(true);
        expect(deniesInsecureTransport(stmt({ ...tls, Principal: { AWS: "*" } }), "s3")).toBe(true);
        expect(
            deniesInsecureTransport(stmt({ ...tls, Condition: { Bool: { "aws:SecureTransport": false } } }), "s3"),
        ).toBe(true);
    });
    it("rejects partial ones", () => {
        expect(deniesInsecureTransport(stmt({ ...tls, Effect: "Allow" }), "s3")).toBe(false);
        expect(deniesInsecureTransport(stmt({ ...tls, Action: "s3:PutObject" }), "s3")).toBe(false);
        expect(deniesInsecureTransport(stmt({ ...tls, Principal: { AWS: "arn:aws:iam::1:root" } }), "s3")).toBe(false);
        expect(
            deniesInsecureTransport(stmt({ ...tls, Condition: { Bool: { "aws:SecureTransport": "true" } } }), "s3"),
        ).toBe(false);
        expect(deniesInsecureTransport(stmt({ ...tls, Condition: undefined }), "s3")).toBe(false);
        expect(deniesInsecureTransport(stmt({ ...tls, Condition: UO }), "s3")).toBe("unknown");
    });
    it("someStatement combines statements and unknown documents", () => {
        const doc = parsePolicy({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Principal: "*" }, tls] });
        expect(someStatement(doc, (s) => deniesInsecureTransport(s, "s3"))).toBe(true);
        expect(someStatement(parsePolicy(U), (s) => deniesInsecureTransport(s, "s3"))).toBe("unknown");
        expect(someStatement(parsePolicy("{bad"), (s) => deniesInsecureTransport(s, "s3"))).toBe(false);
    });
});

describe("managed policy names", () => {
    it("extracts the name from AWS managed policy ARNs only", () => {
        expect(awsManagedPolicyName("arn:aws:iam::aws:policy/AdministratorAccess")).toBe("AdministratorAccess");
        expect(awsManagedPolicyName("arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess")).toBe("AmazonS3FullAccess");
        expect(awsManagedPolicyName("arn:aws:iam::aws:policy/job-function/DataScientist")).toBe("DataScientist");
        expect(awsManagedPolicyName("arn:aws:iam::123456789012:policy/AdministratorAccess")).toBeUndefined();
        expect(awsManagedPolicyName(42)).toBeUndefined();
    });
});

describe("policiesOfRole", () => {
    function res(
        type: string,
        name: string,
        props: Record<string, unknown>,
        pd: Record<string, StackResource[]> = {},
    ): StackResource {
        return {
            urn: `urn:${name}`,
            type,
            name,
            get: (p) => readPath(props, p),
            dependencies: Object.values(pd).flat(),
            propertyDependencies: pd,
            setByProgram: (p) => Object.hasOwn(props, p),
        };
    }

    it("collects inline, managed, RolePolicy and attachment sources", () => {
        const role = res("aws:iam/role:Role", "role", {
            inlinePolicies: [
                { name: "a", policy: "{}" },
                { name: "b", policy: U },
            ],
            managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
        });
        const other = res("aws:iam/role:Role", "other", {});
        const customer = res("aws:iam/policy:Policy", "customer", { policy: "{}" });
        const rp = res("aws:iam/rolePolicy:RolePolicy", "rp", { role: U, policy: "{}" }, { role: [role] });
        const rpOther = res("aws:iam/rolePolicy:RolePolicy", "rp-other", { role: U, policy: "{}" }, { role: [other] });
        const managedAtt = res(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "att",
            { role: U, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
            { role: [role] },
        );
        const customerAtt = res(
            "aws:iam/policyAttachment:PolicyAttachment",
            "patt",
            { roles: [U], policyArn: U },
            { roles: [role], policyArn: [customer] },
        );
        const sources = policiesOfRole(role, [role, other, customer, rp, rpOther, managedAtt, customerAtt]);
        expect(sources.map((s) => `${s.owner.name}:${s.setting}`)).toEqual([
            "role:inlinePolicies[0].policy",
            "role:inlinePolicies[1].policy",
            "role:managedPolicyArns[0]",
            "rp:policy",
            "att:policyArn",
            "customer:policy",
        ]);
        expect(sources[1]?.document?.state).toBe("unknown");
    });

    it("copes with odd shapes", () => {
        const role = res("aws:iam/role:Role", "role", { inlinePolicies: "x", managedPolicyArns: { a: 1 } });
        expect(policiesOfRole(role, [role])).toEqual([]);
        const role2 = res("aws:iam/role:Role", "role2", { inlinePolicies: [null, 3] });
        expect(policiesOfRole(role2, [role2]).map((s) => s.document?.state)).toEqual(["missing", "missing"]);
    });
});
