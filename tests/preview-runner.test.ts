// The offline preview runner through its real path: programs under tests/fixtures/programs run in
// the capture worker (and through `aiguard preview` where the command's output is what matters).
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CaptureTimeout, captureProgram } from "../harness/capture/capture";
import { crc32, getPolicyDocument, InvokeFailure } from "../harness/capture/invokes";
import { InputError } from "../harness/errors";
import { secret, unknownString } from "../harness/model";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const programs = path.join(__dirname, "fixtures", "programs");

function byName<R extends { name: string }>(resources: readonly R[]): Map<string, R> {
    return new Map(resources.map((r) => [r.name, r]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
        if (check()) {
            return true;
        }
        await sleep(100);
    }
    return check();
}

describe("aws:iam/getPolicyDocument, rendered as the AWS provider renders it", () => {
    it("writes single values as strings, sets deduplicated in reverse order, and the provider's JSON layout", () => {
        const doc = getPolicyDocument({
            statements: [
                {
                    actions: ["s3:GetObject", "s3:ListBucket", "s3:GetObject"],
                    resources: ["arn:aws:s3:::m", "arn:aws:s3:::m/&{aws:username}/*"],
                    principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
                    conditions: [
                        { test: "StringEquals", variable: "aws:PrincipalTag/team", values: ["ml", "a&b"] },
                        { test: "Bool", variable: "aws:SecureTransport", values: ["true"] },
                    ],
                },
            ],
        });
        expect(doc.json).toBe(
            [
                "{",
                '  "Version": "2012-10-17",',
                '  "Statement": [',
                "    {",
                '      "Effect": "Allow",',
                '      "Action": [',
                '        "s3:ListBucket",',
                '        "s3:GetObject"',
                "      ],",
                '      "Resource": [',
                // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template.
                '        "arn:aws:s3:::m/${aws:username}/*",',
                '        "arn:aws:s3:::m"',
                "      ],",
                '      "Principal": {',
                '        "AWS": "arn:aws:iam::111122223333:root"',
                "      },",
                '      "Condition": {',
                '        "Bool": {',
                '          "aws:SecureTransport": "true"',
                "        },",
                '        "StringEquals": {',
                '          "aws:PrincipalTag/team": [',
                '            "ml",',
                '            "a\\u0026b"',
                "          ]",
                "        }",
                "      }",
                "    }",
                "  ]",
                "}",
            ].join("\n"),
        );
        expect(doc.minifiedJson).toBe(JSON.stringify(JSON.parse(doc.json as string)).replace("a&b", "a\\u0026b"));
        expect(doc.id).toBe(String(crc32(doc.json as string)));
    });

    it('writes the principal {*: *} as "*" but keeps {AWS: *}, and keeps statement order, Sid, Id and NotX', () => {
        const doc = getPolicyDocument({
            policyId: "p1",
            statements: [
                {
                    sid: "Everyone",
                    effect: "Deny",
                    notActions: ["s3:*"],
                    notResources: ["*"],
                    principals: [{ type: "*", identifiers: ["*"] }],
                },
                { sid: "AnyAws", actions: ["sts:AssumeRole"], notPrincipals: [{ type: "AWS", identifiers: ["*"] }] },
            ],
        });
        const parsed = JSON.parse(doc.json as string);
        expect(parsed).toEqual({
            Version: "2012-10-17",
            Id: "p1",
            Statement: [
                { Sid: "Everyone", Effect: "Deny", NotAction: "s3:*", NotResource: "*", Principal: "*" },
                { Sid: "AnyAws", Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: "*" } },
            ],
        });
    });

    it("merges source documents first, then the statements, then override documents, by Sid", () => {
        const source = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" },
                { Sid: "Keep", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
            ],
        });
        const override = JSON.stringify({
            Statement: [{ Sid: "Keep", Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }],
        });
        const doc = getPolicyDocument({
            sourcePolicyDocuments: [source],
            overridePolicyDocuments: [override],
            statements: [{ sid: "Read", actions: ["s3:ListBucket"], resources: ["*"] }],
        });
        expect(JSON.parse(doc.json as string).Statement).toEqual([
            { Sid: "Read", Effect: "Allow", Action: "s3:ListBucket", Resource: "*" },
            { Sid: "Keep", Effect: "Deny", Action: "kms:Decrypt", Resource: "*" },
        ]);
        expect(() => getPolicyDocument({ sourcePolicyDocuments: [source, source] })).toThrow(
            /duplicate Sid \(Read\) in source_policy_documents/,
        );
    });

    it("refuses what the provider refuses, as an invoke failure", () => {
        expect(() => getPolicyDocument({ statements: [{ effect: "allow" }] })).toThrow(InvokeFailure);
        expect(() => getPolicyDocument({ statements: [{ sid: "has-dash" }] })).toThrow(/alphanumeric/);
    });

    it("hashes the document with crc32 (IEEE) for the ID, as the provider does", () => {
        expect(crc32("The quick brown fox jumps over the lazy dog")).toBe(0x414fa339);
    });
});

describe("offline preview of real programs", { timeout: 180_000 }, () => {
    it("answers getPolicyDocument, caller identity, region, partition and zones, so an assume-role policy reads right", async () => {
        const captured = await captureProgram(path.join(programs, "policy-document"), { stack: "dev" });
        const r = byName(captured.resources);
        expect(r.get("inference-role")?.inputs.assumeRolePolicy).toBe(
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "sts:AssumeRole",\n      "Principal": {\n        "Service": "sagemaker.amazonaws.com"\n      }\n    }\n  ]\n}',
        );
        const access = JSON.parse(String(r.get("inference-access")?.inputs.policy));
        expect(access.Id).toBe("model-read");
        expect(access.Statement[0]).toMatchObject({
            Sid: "ReadModels",
            Action: ["s3:ListBucket", "s3:GetObject"],
            // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template.
            Resource: ["arn:aws:s3:::models/${aws:username}/*", "arn:aws:s3:::models"],
            Condition: { StringEquals: { "aws:PrincipalTag/team": "ml" } },
        });
        expect(access.Statement[1]).toEqual({ Effect: "Deny", NotAction: "s3:*", Resource: "*", Principal: "*" });
        expect(r.get("models")?.inputs.tags).toEqual({
            account: "123456789012",
            region: "eu-central-1",
            partition: "aws",
            zones: "eu-central-1a,eu-central-1b,eu-central-1c",
        });
        expect(captured.warnings).toEqual([]);
    });

    it("gives an unanswered invoke an unknown result and warns once per invoke token", async () => {
        const r = await aiguard("preview", path.join(programs, "unanswered-invoke"), "--format", "json");
        expect([0, 1]).toContain(r.code);
        expect(JSON.parse(r.stdout).resourcesEvaluated).toBeGreaterThan(0);
        const warnings = r.stderr.split("\n").filter((l) => l.startsWith("warning:"));
        expect(warnings).toEqual([
            "warning: the program calls aws:kms/getKey:getKey, which an offline preview cannot answer; its result is unknown, so checks that depend on it are undecided",
        ]);

        const captured = await captureProgram(path.join(programs, "unanswered-invoke"), { stack: "dev" });
        const sse = byName(captured.resources).get("models-sse");
        expect(sse?.inputs.rules).toEqual([
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknownString } },
        ]);
        expect(byName(captured.resources).get("logs")?.inputs.tags).toMatchObject({ key: unknownString });
    });

    it("names the file and line of the program and the cause when the program fails", async () => {
        const err = await captureProgram(path.join(programs, "fails-in-apply"), { stack: "dev" }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toMatch(
            /fails-in-apply\/index\.ts:7: the program failed: cannot derive a key alias from models-store$/,
        );
    });

    it("reads project config of Pulumi.yaml in both forms, with the stack file overriding it", async () => {
        const captured = await captureProgram(path.join(programs, "project-config"), { stack: "dev" });
        expect(captured.config).toMatchObject({
            "project-config:team": "ml-platform",
            "project-config:costCenter": "cc-100",
            "project-config:owner": "data-science",
            "aws:region": "eu-west-3",
            "project-config:tags": '{"app":"fraud"}',
        });
        expect(byName(captured.resources).get("models")?.inputs.tags).toEqual({
            team: "ml-platform",
            costCenter: "cc-100",
            owner: "data-science",
            region: "eu-west-3",
            app: "fraud",
        });
    });

    it("warns once each that the ESC environment and the secrets provider are not available offline", async () => {
        const warnings: string[] = [];
        const captured = await captureProgram(path.join(programs, "esc-stack"), {
            stack: "dev",
            onWarning: (m) => warnings.push(m),
        });
        expect(warnings).toHaveLength(3);
        expect(
            warnings.filter((w) => w.includes("ESC environment (acme/ai-dev) is not available offline")),
        ).toHaveLength(1);
        expect(
            warnings.filter((w) =>
                w.includes("secrets provider (awskms://alias/pulumi-secrets) is not available offline"),
            ),
        ).toHaveLength(1);
        expect(warnings.filter((w) => w.includes("1 encrypted secret(s) (esc-stack:apiToken)"))).toHaveLength(1);
        // A secure value is an unknown secret to the program.
        expect(byName(captured.resources).get("models")?.inputs.tags).toEqual({ token: secret(unknownString) });
    });

    it("rejects a program that does not type-check, one line per error with file and line", async () => {
        const r = await aiguard("preview", path.join(programs, "type-error"));
        expect(r.code).toBe(2);
        const lines = r.stderr.trim().split("\n");
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(
            /^aiguard: tests\/fixtures\/programs\/type-error\/index\.ts:3: error TS2322: Type 'string' is not assignable to type 'boolean'\.$/,
        );
        expect(lines[1]).toMatch(/type-error\/index\.ts:7: error TS2561: .*'forceDestroyy' does not exist/);
    });

    it("rejects duplicate URNs with the engine's message", async () => {
        const err = await captureProgram(path.join(programs, "duplicate-urn"), { stack: "dev" }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toContain(
            "duplicate-urn/index.ts:4: the program failed: Duplicate resource URN 'urn:pulumi:dev::duplicate-urn::aws:s3/bucket:Bucket::models'; try giving it a unique name",
        );
    });

    it("keeps only the end of a program's stderr, however much it writes", async () => {
        const err = await captureProgram(path.join(programs, "noisy-stderr"), { stack: "dev" }).catch((e) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(err.message).toBe(
            "tests/fixtures/programs/noisy-stderr/index.js:10: the program failed: the noisy program gave up",
        );
    });
});

describe("the program worker's deadline and lifetime", { timeout: 180_000 }, () => {
    let markerDir: string | undefined;
    afterEach(() => {
        delete process.env.AIGUARD_TEST_MARKER;
        if (markerDir) {
            fs.rmSync(markerDir, { recursive: true, force: true });
        }
    });

    function marker(): string {
        markerDir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-marker-"));
        return path.join(markerDir, "marker.json");
    }

    function readMarker(file: string): { pid: number; requestFile: string } {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    }

    it("stops a program at --timeout: the worker is killed, its temp folder removed, exit 2 with one line", async () => {
        const file = marker();
        process.env.AIGUARD_TEST_MARKER = file;
        const r = await aiguard("preview", path.join(programs, "hangs"), "--timeout", "6");
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
            "aiguard: tests/fixtures/programs/hangs/index.ts: the program did not finish within 6 s (--timeout); it was stopped\n",
        );
        const { pid, requestFile } = readMarker(file);
        expect(await waitFor(() => !alive(pid), 5_000)).toBe(true);
        expect(path.basename(path.dirname(requestFile))).toMatch(/^aiguard-capture-/);
        expect(fs.existsSync(path.dirname(requestFile))).toBe(false);

        const usage = await aiguard("preview", path.join(programs, "hangs"), "--timeout", "0");
        expect(usage.code).toBe(2);
        expect(usage.stderr).toMatch(/--timeout must be a positive number of seconds/);
        await expect(
            captureProgram(path.join(programs, "hangs"), { stack: "dev", timeoutMs: 100, typeCheck: false }),
        ).rejects.toBeInstanceOf(CaptureTimeout);
    });

    it("ends the worker and removes its temp folder when the command is killed", async () => {
        const file = marker();
        const cli = spawn(
            process.execPath,
            [path.join(projectRoot, "bin", "aiguard.js"), "preview", path.join(programs, "hangs")],
            { cwd: projectRoot, env: { ...process.env, AIGUARD_TEST_MARKER: file }, stdio: "ignore" },
        );
        try {
            expect(await waitFor(() => fs.existsSync(file) && fs.statSync(file).size > 0, 30_000)).toBe(true);
            const { pid, requestFile } = readMarker(file);
            expect(alive(pid)).toBe(true);
            cli.kill("SIGKILL");
            expect(await waitFor(() => !alive(pid), 10_000)).toBe(true);
            expect(fs.existsSync(path.dirname(requestFile))).toBe(false);
        } finally {
            cli.kill("SIGKILL");
        }
    });
});
