import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:ecr/repositoryPolicy:RepositoryPolicy";
const id = "model-image-repo-policy-not-public";
const pull = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
const stmt = (extra: Record<string, WireValue>) => ({ Sid: "Pull", Effect: "Allow", Action: pull, ...extra });
const doc = (Statement: WireValue) => ({ Version: "2012-10-17", Statement });
// The repository serves the AI system (tagged here; in programs usually through a SageMaker model's image).
const repo = resource("aws:ecr/repository:Repository", "model-server", {
    name: "model-server",
    tags: { "aiguard:system": "ai" },
});
const repoPolicy = (name: string, policy: WireValue) =>
    resource(
        type,
        name,
        { repository: "model-server", policy },
        { propertyDependencies: { repository: ["model-server"] } },
    );
const account = "arn:aws:iam::123456789012:root";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags unconditioned Allow statements to every principal, as JSON strings or objects", async () => {
        const r = await evaluate(pack, id, [
            repo,
            repoPolicy("star-string", JSON.stringify(doc([stmt({ Principal: "*" })]))),
            repoPolicy("aws-star-object", doc(stmt({ Principal: { AWS: "*" } }))),
            repoPolicy(
                "star-in-list",
                doc([stmt({ Principal: { AWS: [account] } }), stmt({ Principal: { AWS: [account, "*"] } })]),
            ),
            repoPolicy("not-principal", doc([stmt({ NotPrincipal: { AWS: account } })])),
            repoPolicy("lowercase-allow", doc([{ Effect: "allow", Principal: "*", Action: pull }])),
            repoPolicy("account", JSON.stringify(doc([stmt({ Principal: { AWS: account } })]))),
            repoPolicy("service", doc(stmt({ Principal: { Service: "sagemaker.amazonaws.com" } }))),
            repoPolicy(
                "org-condition",
                doc([stmt({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })]),
            ),
            repoPolicy("deny-star", doc([{ Effect: "Deny", Principal: "*", Action: "ecr:*" }])),
        ]);
        expect(r.violating).toEqual([
            "aws-star-object",
            "lowercase-allow",
            "not-principal",
            "star-in-list",
            "star-string",
        ]);
        expect(r.clean.filter((n) => n !== repo.name)).toEqual(["account", "deny-star", "org-condition", "service"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the statement, what was found, what is expected and the fix, without echoing the policy", async () => {
        const r = await evaluate(pack, id, [
            repo,
            repoPolicy("star-in-list", doc([stmt({ Principal: { AWS: account } }), stmt({ Principal: "*" })])),
            repoPolicy("single", JSON.stringify(doc(stmt({ Principal: "*" })))),
        ]);
        expect(r.messages("star-in-list")).toEqual([
            expect.stringMatching(
                /^RepositoryPolicy 'star-in-list': policy\.Statement\[1\] is an Allow to every principal \("\*" or NotPrincipal\) without a condition that constrains the caller; expected named principals, or a condition such as aws:PrincipalOrgID that scopes the wildcard\. Fix: Replace Principal/,
            ),
        ]);
        expect(r.messages("single")[0]).toContain("'single': policy.Statement is an Allow");
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("ecr:BatchGetImage");
    });

    it("leaves policies built from unknown values to pulumi up unless a statement is known to be public", async () => {
        const r = await evaluate(pack, id, [
            repo,
            repoPolicy("whole", unknown),
            repoPolicy("statement", doc(unknown)),
            repoPolicy("element", doc([stmt({ Principal: { AWS: account } }), unknown])),
            repoPolicy("principal", doc([stmt({ Principal: { AWS: unknown } })])),
            repoPolicy("effect", doc([{ Effect: unknown, Principal: "*", Action: pull }])),
            repoPolicy("known-public-wins", doc([stmt({ Principal: { AWS: unknown } }), stmt({ Principal: "*" })])),
            repoPolicy("unknown-condition", doc([stmt({ Principal: "*", Condition: unknown })])),
            repoPolicy("star-beside-unknown", doc([stmt({ Principal: { AWS: [unknown, "*"] } })])),
        ]);
        // A condition whose content is unknown may or may not constrain the caller.
        expect(r.undecided).toEqual(["effect", "element", "principal", "statement", "unknown-condition", "whole"]);
        expect(r.violating).toEqual(["known-public-wins", "star-beside-unknown"]);
        expect(r.clean.filter((n) => n !== repo.name)).toEqual([]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret policies without printing them", async () => {
        const r = await evaluate(pack, id, [
            repo,
            repoPolicy("secret-public", secret(JSON.stringify(doc([stmt({ Sid: "s3cr3t-sid", Principal: "*" })])))),
            repoPolicy(
                "secret-private",
                secret(JSON.stringify(doc([stmt({ Sid: "s3cr3t-sid", Principal: { AWS: account } })]))),
            ),
        ]);
        expect(r.violating).toEqual(["secret-public"]);
        expect(r.clean.filter((n) => n !== repo.name)).toEqual(["secret-private"]);
        expect(r.messages("secret-public").join("")).not.toContain("s3cr3t");
    });

    it("does not throw on odd documents", async () => {
        const r = await evaluate(pack, id, [
            repo,
            repoPolicy("not-json", "{ not json"),
            repoPolicy("json-array", "[1, 2]"),
            repoPolicy("json-null", "null"),
            repoPolicy("number", 42),
            repoPolicy("null-statements", doc([null, 3, "x", { Effect: "Allow" }])),
            repoPolicy("string-statement", doc("Allow everyone")),
            repoPolicy("number-principal", doc([stmt({ Principal: 7 })])),
            repoPolicy("missing", null),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("ignores policies of repositories outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:ecr/repository:Repository", "web-images", { name: "web-images" }),
            resource(
                type,
                "web-public",
                { repository: "web-images", policy: doc([stmt({ Principal: "*" })]) },
                { propertyDependencies: { repository: ["web-images"] } },
            ),
        ]);
        expect(r.violating).toEqual([]);
    });
});
