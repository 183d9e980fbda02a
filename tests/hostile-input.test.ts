// Hostile and careless input through the real path: the built CLI (`node bin/aiguard.js analyze`)
// or the harness, against the real pack or a pack that hangs, throws or floods stderr on request.
// Build first (`npm run build`). Large inputs are generated here, not committed.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tagSelectors } from "../cli/options";
import { PackSession } from "../harness/engine";
import { resourceRefSig, secretSigKey } from "../harness/model";
import { assetSig, engineOrder, parseStateFile } from "../harness/state-file";
import { maxPropertyDepth } from "../harness/wire-encoding";

const projectRoot = path.resolve(__dirname, "..");
const bin = path.join(projectRoot, "bin", "aiguard.js");
const hostilePack = path.join(__dirname, "fixtures", "hostile", "pack");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const P = "urn:pulumi:dev::hostile::";
const rootUrn = `${P}pulumi:pulumi:Stack::hostile-dev`;
type Raw = Record<string, unknown>;
const rootResource: Raw = { urn: rootUrn, type: "pulumi:pulumi:Stack", custom: false, inputs: {}, outputs: {} };

function res(type: string, name: string, inputs: Raw = {}, extra: Raw = {}): Raw {
    return {
        urn: `${P}${type}::${name}`,
        type,
        custom: true,
        id: `${name}-id`,
        parent: rootUrn,
        inputs,
        outputs: inputs,
        ...extra,
    };
}

const omit = Symbol("omit");
function stateText(resources: Raw[], version: unknown = 3): string {
    const deployment = { resources: [rootResource, ...resources] };
    return JSON.stringify(version === omit ? { deployment } : { version, deployment });
}

let counter = 0;
function stateFile(resources: Raw[], version: unknown = 3): string {
    const file = path.join(tmp, `state-${++counter}.json`);
    fs.writeFileSync(file, stateText(resources, version));
    return file;
}

interface Run {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}

function aiguard(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Run> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], {
            cwd: projectRoot,
            env: { ...process.env, ...env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (d) => {
            stdout += d;
        });
        child.stderr.setEncoding("utf8").on("data", (d) => {
            stderr += d;
        });
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr });
        });
    });
}

const analyzeHostile = (file: string, env: Record<string, string> = {}, extra: string[] = []) =>
    aiguard(["analyze", "--file", file, "--policy-pack", hostilePack, "--format", "json", ...extra], env);

function echoes(run: Run): unknown[] {
    const report = JSON.parse(run.stdout) as { violations: { policy: string; message: string }[] };
    return report.violations
        .filter((v) => v.policy === "hostile-echo")
        .map((v) => JSON.parse(v.message.slice(v.message.indexOf("{"))));
}

describe("values the pack cannot decode as written", () => {
    const ref = (urn: string, id?: string): Raw => ({
        [secretSigKey]: resourceRefSig,
        urn,
        ...(id !== undefined ? { id } : {}),
        packageVersion: "7.48.0",
    });
    const emptyAsset: Raw = {
        [secretSigKey]: assetSig,
        hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };

    it("sends resource references as the engine does (ID, unknown ID, or component URN) and never hangs", async () => {
        const props = {
            custom: ref(`${P}aws:s3/bucket:Bucket::b`, "bucket-id"),
            pending: ref(`${P}aws:s3/bucket:Bucket::c`, ""),
            component: ref(`${P}my:index:Comp::comp`),
        };
        const run = await analyzeHostile(stateFile([res("hostile:index:Echo", "refs", props)]), {
            AIGUARD_PACK_CALL_TIMEOUT: "20",
        });
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        expect(echoes(run)).toEqual([
            {
                custom: "bucket-id",
                pending: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                component: `${P}my:index:Comp::comp`,
            },
        ]);
    });

    it("answers for an empty asset among inputs and outputs, with the real pack", async () => {
        const r = res("aws:lambda/function:Function", "fn", { code: emptyAsset, role: "arn:aws:iam::1:role/r" });
        const run = await aiguard(["analyze", "--file", stateFile([r]), "--format", "json"], {
            AIGUARD_PACK_CALL_TIMEOUT: "20",
        });
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
    });

    it("rejects a value with an unrecognized signature by resource and path, blaming no policy", async () => {
        const r = res("hostile:index:Echo", "odd", { nested: { x: { [secretSigKey]: "not-a-signature" } } });
        const run = await analyzeHostile(stateFile([r]));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
            /resource #2 \(.*::odd\): inputs\.nested\.x has an unrecognized signature "not-a-signature"/,
        );
        expect(run.stderr).not.toMatch(/policy '/);
    });
});

describe("deadlines and pack errors", () => {
    it("stops a call the pack never answers with one exit-2 line naming the call and the resource", async () => {
        const run = await analyzeHostile(stateFile([res("hostile:index:Hang", "stuck")]), {
            AIGUARD_PACK_CALL_TIMEOUT: "2",
        });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
            /^aiguard: .*: policy pack failed: Analyze of urn:pulumi:dev::hostile::hostile:index:Hang::stuck: the policy pack did not answer within 2 s/,
        );
        expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });

    it("names the policy that threw and the resource", async () => {
        const run = await analyzeHostile(
            stateFile([res("hostile:index:Echo", "fine"), res("hostile:index:Boom", "boom")]),
        );
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
            /policy pack failed: Error validating resource with policy 'hostile-throws' from policy pack 'hostile@v0\.0\.1': Error: boom on purpose \(Analyze of .*::boom\)/,
        );
    });

    it("keeps only a bounded tail of what a pack writes to stderr", async () => {
        const session = await PackSession.open({
            packDir: hostilePack,
            project: "hostile",
            stack: "dev",
            dryRun: false,
        });
        try {
            const result = await session.run({
                resources: parseStateFile(stateText([res("hostile:index:Noisy", "loud")]), "noisy.json").resources,
                dryRun: false,
            });
            expect(result.diagnostics.some((d) => d.message.endsWith("was noisy"))).toBe(true);
            // The pack wrote about 24 MB.
            expect(session.packOutput().length).toBeLessThanOrEqual(64 * 1024);
            expect(session.packOutput()).toContain("noise");
        } finally {
            await session.close();
        }
    });
});

describe("bounded, checked state files", () => {
    const run1 = (file: string) => aiguard(["analyze", "--file", file]);

    it.each([
        [0, /unsupported state file version 0; the Pulumi engine writes versions 1 to 3/],
        [4, /unsupported state file version 4; the Pulumi engine writes versions 1 to 3/],
        [99, /unsupported state file version 99/],
        [null, /unsupported state file version null/],
        ["3", /unsupported state file version "3"/],
        [omit, /no state file version; the Pulumi engine writes versions 1 to 3/],
    ])("rejects version %s by name", async (version, expected) => {
        const r = await run1(stateFile([], version));
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(expected);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
    });

    it("accepts a leading UTF-8 byte-order mark", async () => {
        const file = path.join(tmp, "bom.json");
        fs.writeFileSync(file, `\uFEFF${stateText([res("hostile:index:Echo", "bom", { a: 1 })])}`);
        const r = await analyzeHostile(file);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(echoes(r)).toEqual([{ a: 1 }]);
    });

    it("rejects a named pipe and /dev/zero up front, without reading them", async () => {
        const fifo = path.join(tmp, "state.fifo");
        execFileSync("mkfifo", [fifo]);
        const pipe = await run1(fifo);
        expect(pipe.code).toBe(2);
        expect(pipe.stderr).toBe(
            `aiguard: ${fifo}: not a regular file (a named pipe); --file takes a state file written by pulumi stack export\n`,
        );
        const zero = await run1("/dev/zero");
        expect(zero.code).toBe(2);
        expect(zero.stderr).toMatch(/^aiguard: \/dev\/zero: not a regular file \(a character device\)/);
    });

    it("rejects a file over the size limit by its size, before reading it", async () => {
        const file = path.join(tmp, "huge.json");
        const fd = fs.openSync(file, "w");
        fs.ftruncateSync(fd, 257 * 1024 * 1024); // sparse: takes no disk space
        fs.closeSync(fd);
        const r = await run1(file);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
            `aiguard: ${file}: 257 MiB, over the 256 MiB limit for state files (set AIGUARD_MAX_STATE_MB to raise it)\n`,
        );
        const small = await aiguard(["analyze", "--file", stateFile([])], { AIGUARD_MAX_STATE_MB: "0.0001" });
        expect(small.stderr).toMatch(/over the 0\.0001 MiB limit/);
    });

    function nested(levels: number): unknown {
        let v: unknown = "leaf";
        for (let i = 0; i < levels; i++) {
            v = i % 2 === 0 ? [v] : { k: v };
        }
        return v;
    }

    it(`analyzes values nested ${maxPropertyDepth} levels deep, and rejects one level more naming the file`, async () => {
        const ok = await analyzeHostile(
            stateFile([res("hostile:index:Plain", "deep", { deep: nested(maxPropertyDepth) })]),
        );
        expect(ok.stderr).toBe("");
        expect(ok.code).toBe(0);
        const file = stateFile([res("hostile:index:Plain", "deeper", { deep: nested(maxPropertyDepth + 1) })]);
        const tooDeep = await analyzeHostile(file);
        expect(tooDeep.code).toBe(2);
        expect(tooDeep.stderr).toMatch(
            new RegExp(
                `^aiguard: ${file}: resource #2 \\(.*::deeper\\): inputs\\.deep(\\[0\\]|\\.k)+… is nested deeper than 1000 levels \\(the limit\\)\\n$`,
            ),
        );
        const deepest = path.join(tmp, "deepest.json");
        fs.writeFileSync(
            deepest,
            stateText([res("hostile:index:Plain", "deepest", { deep: "@" })]).replace(
                '"@"',
                `${"[".repeat(100_000)}"leaf"${"]".repeat(100_000)}`,
            ),
        );
        const wayTooDeep = await analyzeHostile(deepest);
        expect(wayTooDeep.code).toBe(2);
        expect(wayTooDeep.stderr).not.toMatch(/internal error|call stack/);
    });

    it("rejects duplicate URNs and warns about dangling parents and dependencies", async () => {
        const a = res("hostile:index:Echo", "twice", { a: 1 });
        const dup = await analyzeHostile(stateFile([a, a]));
        expect(dup.code).toBe(2);
        expect(dup.stderr).toMatch(
            /resource #3 has the same URN as resource #2 \(.*::twice\); a state file lists each resource once/,
        );
        const dangling = res(
            "hostile:index:Echo",
            "orphan",
            { a: 1 },
            {
                parent: `${P}my:index:Gone::parent`,
                dependencies: [`${P}my:index:Gone::dep`],
            },
        );
        const r = await analyzeHostile(stateFile([dangling]));
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(
            /^warning: .*: resource '.*::orphan' names parent '.*::parent', which is not in the file; the policy pack sees no such resource\n/,
        );
        expect(r.stderr).toMatch(/names dependency '.*::dep', which is not in the file/);
    });

    it("reads __proto__ keys as plain keys, and leaves internal keys out of Analyze as the engine does", async () => {
        const file = path.join(tmp, "proto.json");
        fs.writeFileSync(
            file,
            stateText([res("hostile:index:Echo", "proto", { a: 1 })]).replace(
                '"inputs":{"a":1}',
                '"inputs":{"a":1,"__proto__":{"polluted":true},"tags":{"__proto__":"x","constructor":"y"}}',
            ),
        );
        const state = parseStateFile(fs.readFileSync(file, "utf8"), file);
        const inputs = state.resources[1]?.inputs as Raw;
        expect(Object.keys(inputs)).toEqual(["a", "__proto__", "tags"]);
        expect(Object.getPrototypeOf(inputs)).toBe(Object.prototype);
        expect((inputs as { polluted?: boolean }).polluted).toBeUndefined();
        const r = await analyzeHostile(file);
        expect(r.code).toBe(0);
        expect(echoes(r)).toEqual([{ a: 1, tags: { constructor: "y" } }]);
    });
});

describe("cost linear in input", () => {
    // A chain of 4,000 private endpoints, each referencing the next, the last an AI resource. Written
    // dependents first, it made each classification pass move one step: quadratic.
    function chain(n: number): Raw[] {
        const ep = res("aws:sagemaker/endpoint:Endpoint", "ep", { name: "ep" });
        const links: Raw[] = [];
        for (let i = 0; i < n - 1; i++) {
            const target = i === n - 2 ? (ep.urn as string) : `${P}aws:ec2/vpcEndpoint:VpcEndpoint::c${i + 1}`;
            links.push(
                res(
                    "aws:ec2/vpcEndpoint:VpcEndpoint",
                    `c${i}`,
                    { vpcId: "v", serviceName: "s" },
                    {
                        dependencies: [target],
                        propertyDependencies: { serviceName: [target] },
                    },
                ),
            );
        }
        return [...links, ep];
    }

    // Cost is measured by `npm run bench`, not here; these tests pin the order and the results.
    it("orders resources as the engine writes them, whatever the file order", () => {
        const crafted = parseStateFile(stateText(chain(50_000)), "chain.json").resources;
        const ordered = engineOrder(crafted);
        const position = new Map(ordered.map((r, i) => [r.urn, i] as const));
        for (const r of ordered) {
            for (const d of r.dependencies) {
                expect(position.get(d) ?? -1).toBeLessThan(position.get(r.urn) as number);
            }
        }
        // parseStateFile already returns that order.
        expect(crafted.map((r) => r.urn)).toEqual(ordered.map((r) => r.urn));
    });

    it("analyzes a crafted ordering of 4,000 resources with the same results as the engine's order", async () => {
        const links = chain(4000);
        const [normal, crafted] = [
            await aiguard(["analyze", "--file", stateFile([...links].reverse()), "--format", "json"]),
            await aiguard(["analyze", "--file", stateFile(links), "--format", "json"]),
        ];
        expect(normal.code).toBe(crafted.code);
        expect(JSON.parse(crafted.stdout).violations).toEqual(JSON.parse(normal.stdout).violations);
    }, 180_000);
});

describe("odd names", () => {
    it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
        "takes --ai-tag %s=x as a plain tag key",
        (key) => {
            const selectors = tagSelectors([`${key}=x`, key], { "aiguard:system": "ai" }, "--ai-tag");
            expect(Object.keys(selectors)).toEqual(["aiguard:system", key]);
            expect(selectors[key]).toEqual(["x", "*"]);
            expect(Object.getPrototypeOf(selectors)).toBe(Object.prototype);
        },
    );

    it("runs analyze with --ai-tag constructor=x and toString", async () => {
        const file = path.join(projectRoot, "examples", "state", "reference-dev.json");
        const r = await aiguard([
            "analyze",
            "--file",
            file,
            "--ai-tag",
            "constructor=x",
            "--ai-tag",
            "toString",
            "--format",
            "json",
        ]);
        expect(r.stderr).not.toMatch(/aiguard:|internal error/);
        expect(r.code).toBe(1);
    });
});

describe("process hygiene", () => {
    function packPidsOf(cliPid: number): number[] {
        // The pack is a child of the command, in its own process group.
        const out: number[] = [];
        for (const entry of fs.readdirSync("/proc")) {
            if (!/^\d+$/.test(entry)) continue;
            try {
                const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
                const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
                if (ppid === cliPid) out.push(Number(entry));
            } catch {
                // Gone.
            }
        }
        return out;
    }

    const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(safeStat(pid));
    function safeStat(pid: number): string {
        try {
            return fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        } catch {
            return "";
        }
    }

    async function until(check: () => boolean, ms: number): Promise<boolean> {
        const end = Date.now() + ms;
        while (Date.now() < end) {
            if (check()) return true;
            await new Promise((r) => setTimeout(r, 50));
        }
        return check();
    }

    it.each([
        ["SIGINT", 130],
        ["SIGTERM", 143],
        ["SIGHUP", 129],
        ["SIGKILL", null],
    ] as const)(
        "after %s mid-run, the pack is gone (exit %s)",
        async (signal, expectedCode) => {
            // A pack call that never returns keeps the command mid-run.
            const file = stateFile([res("hostile:index:Hang", "stuck")]);
            const child: ChildProcess = spawn(
                process.execPath,
                [bin, "analyze", "--file", file, "--policy-pack", hostilePack],
                {
                    cwd: projectRoot,
                    env: { ...process.env, AIGUARD_PACK_CALL_TIMEOUT: "600" },
                    stdio: "ignore",
                },
            );
            const cliPid = child.pid as number;
            const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
                child.on("exit", (code, sig) => resolve({ code, signal: sig })),
            );
            let packs: number[] = [];
            const found = await until(() => {
                packs = packPidsOf(cliPid);
                return packs.length > 0;
            }, 30_000);
            expect(found).toBe(true);
            // Let the pack start serving and the run reach the hanging call.
            await new Promise((r) => setTimeout(r, 3000));
            process.kill(cliPid, signal);
            const result = await exited;
            if (expectedCode === null) {
                expect(result.signal).toBe("SIGKILL");
            } else {
                expect(result.code).toBe(expectedCode);
            }
            expect(await until(() => packs.every((p) => !alive(p)), 10_000)).toBe(true);
        },
        60_000,
    );
});
