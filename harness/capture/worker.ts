// Runs a Pulumi program under Pulumi's mocks in preview mode, in its own process, and records every
// registration exactly as the program sent it to the (mock) resource monitor. The parent process
// turns the records into what the engine would send the analyzer (see capture.ts).
//
// Usage: node worker.js <request.json> <result.json>

import * as fs from "node:fs";
import * as path from "node:path";
import type { CapturedRegistration, CaptureRequest, CaptureResult } from "./protocol";

const [requestFile, resultFile] = process.argv.slice(2);

// The mock monitor and the protobuf messages it handles have no published types.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Untyped = any;

function writeResult(result: CaptureResult): void {
    fs.writeFileSync(resultFile as string, JSON.stringify(result));
}

function registerTypeScript(programDir: string): void {
    let ts: typeof import("typescript");
    try {
        ts = require(require.resolve("typescript", { paths: [programDir, __dirname] }));
    } catch {
        throw new Error("the program is TypeScript but the typescript package is not installed");
    }
    const previous = require.extensions[".ts"];
    require.extensions[".ts"] = (module, filename) => {
        if (filename.includes(`${path.sep}node_modules${path.sep}`) && previous) {
            previous(module, filename);
            return;
        }
        const source = fs.readFileSync(filename, "utf8");
        const out = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2022,
                esModuleInterop: true,
                inlineSourceMap: true,
            },
        });
        (module as unknown as { _compile(code: string, file: string): void })._compile(out.outputText, filename);
    };
}

/** Invokes that offline runs can answer; anything else fails with a clear message. */
function answerInvoke(token: string, request: CaptureRequest): Record<string, unknown> {
    const region = request.config["aws:region"] ?? "us-east-1";
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: "123456789012",
                arn: "arn:aws:iam::123456789012:user/preview",
                userId: "preview",
                id: "123456789012",
            };
        case "aws:index/getRegion:getRegion":
            return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws", reverseDnsPrefix: "com.amazonaws" };
        case "azure-native:authorization:getClientConfig":
            return {
                clientId: "00000000-0000-0000-0000-000000000001",
                objectId: "00000000-0000-0000-0000-000000000002",
                subscriptionId: "00000000-0000-0000-0000-000000000003",
                tenantId: "00000000-0000-0000-0000-000000000004",
            };
        default:
            throw new Error(`the program calls ${token}, which an offline preview cannot answer`);
    }
}

async function main(): Promise<void> {
    const request: CaptureRequest = JSON.parse(fs.readFileSync(requestFile as string, "utf8"));
    const programDir = request.programDir;
    let pulumiDir: string;
    try {
        pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] }));
    } catch {
        throw new Error("@pulumi/pulumi is not installed for this program (run npm install)");
    }
    // The runtime keeps process-global state, so the copy the mocks configure must be the program's.
    const pulumi: typeof import("@pulumi/pulumi") = require(pulumiDir);
    const settings = require(path.join(pulumiDir, "runtime", "settings"));

    if (request.entry.endsWith(".ts")) {
        registerTypeScript(programDir);
    }

    pulumi.runtime.setAllConfig(request.config, request.secretKeys);
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: undefined as unknown as string, state: args.inputs }),
            call: (args) => answerInvoke(args.token, request),
        },
        request.project,
        request.stack,
        true,
        request.organization,
    );

    const registrations: CapturedRegistration[] = [];
    const outputsByMockUrn = new Map<string, unknown>();
    const monitor: Untyped = settings.getMonitor();
    const wrap = (method: "registerResource" | "readResource", external: boolean) => {
        const original = monitor[method].bind(monitor);
        monitor[method] = (req: Untyped, callback: (err: unknown, resp: Untyped) => void) => {
            original(req, (err: unknown, resp: Untyped) => {
                if (!err && resp) {
                    const pd: Record<string, string[]> = {};
                    if (!external) {
                        req.getPropertydependenciesMap().forEach((v: { getUrnsList(): string[] }, k: string) => {
                            pd[k] = v.getUrnsList();
                        });
                    }
                    const timeouts = external ? undefined : req.getCustomtimeouts();
                    registrations.push({
                        mockUrn: resp.getUrn(),
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: external ? true : req.getCustom(),
                        provider: req.getProvider() || undefined,
                        version: req.getVersion() || undefined,
                        inputs: (external ? req.getProperties() : req.getObject())?.toJavaScript() ?? {},
                        outputs: resp.getObject?.()?.toJavaScript() ?? resp.getProperties?.()?.toJavaScript() ?? {},
                        dependencies: external ? [] : req.getDependenciesList(),
                        propertyDependencies: pd,
                        protect: external ? undefined : req.getProtect(),
                        ignoreChanges: external ? [] : req.getIgnorechangesList(),
                        deleteBeforeReplace: external ? undefined : req.getDeletebeforereplace(),
                        additionalSecretOutputs: external ? [] : req.getAdditionalsecretoutputsList(),
                        aliasUrns: external ? [] : req.getAliasurnsList(),
                        customTimeouts: timeouts
                            ? {
                                  create: timeouts.getCreate(),
                                  update: timeouts.getUpdate(),
                                  delete: timeouts.getDelete(),
                              }
                            : undefined,
                        external,
                    });
                }
                callback(err, resp);
            });
        };
    };
    wrap("registerResource", false);
    wrap("readResource", true);
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: Untyped, callback: (err: unknown, resp: unknown) => void) => {
        outputsByMockUrn.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        originalOutputs(req, callback);
    };

    const started = Date.now();
    await pulumi.runtime.runInPulumiStack(async () => {
        const program = require(request.entry);
        const main =
            typeof program === "function"
                ? program
                : typeof program?.default === "function"
                  ? program.default
                  : undefined;
        return main ? await main() : program;
    });
    await settings.waitForRPCs();
    const programMs = Date.now() - started;

    for (const r of registrations) {
        const outputs = outputsByMockUrn.get(r.mockUrn);
        if (outputs !== undefined) {
            r.outputs = outputs as Record<string, unknown>;
        }
    }
    writeResult({ ok: true, registrations, programMs });
}

function describeError(e: unknown): string {
    if (e instanceof Error) {
        // A Pulumi RunError carries the message the user needs; the stack is noise here.
        return e.message.split("\n")[0] ?? String(e);
    }
    return String(e);
}

process.on("unhandledRejection", (e) => {
    writeResult({ ok: false, error: describeError(e) });
    process.exit(3);
});

main().then(
    () => process.exit(0),
    (e) => {
        writeResult({ ok: false, error: describeError(e) });
        process.exit(3);
    },
);
