// The policy pack served inside the test process, for mutation testing: Stryker instruments the
// TypeScript sources that this process loads, and a pack running from the esbuild bundle in a child
// process never executes them. The pack is served exactly as in its own process (policy-pack/index.ts
// calls @pulumi/policy's serve, which starts the SDK's gRPC server and prints the port), and the
// harness drives it over gRPC as usual: only the process boundary differs.
import type { PackProcess } from "../../harness/pack-process";

// @pulumi/policy serves one pack per process; every session of this process shares it.
const key = Symbol.for("aiguard.in-process-pack-port");
type WithPort = typeof globalThis & { [key]?: Promise<number> };

function servePort(): Promise<number> {
    const g = globalThis as WithPort;
    g[key] ??= new Promise<number>((resolve, reject) => {
        // serve() prints the port with console.log once the server is bound: take that line.
        const log = console.log;
        console.log = (...args: unknown[]) => {
            const port = Number(args[0]);
            if (args.length === 1 && Number.isInteger(port) && port > 0) {
                console.log = log;
                resolve(port);
                return;
            }
            log(...args);
        };
        import("../../policy-pack/index.js").catch((e) => {
            console.log = log;
            reject(e);
        });
    });
    return g[key];
}

export async function inProcessPack(): Promise<PackProcess> {
    const port = await servePort();
    return {
        port,
        pid: process.pid,
        startMs: 0,
        output: () => "",
        // The server lives as long as the process; sessions only close their clients.
        close: async () => {},
    };
}
