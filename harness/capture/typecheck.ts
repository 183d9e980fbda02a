// Type-checks a TypeScript program the way `pulumi preview` does before running it: the Node.js
// language host registers ts-node with type checking on, the program's tsconfig.json (or
// PULUMI_NODEJS_TSCONFIG_PATH) when there is one, and its own defaults for the options the tsconfig
// leaves unset. Type checking is skipped when the tsconfig sets `noCheck` or
// PULUMI_NODEJS_TRANSPILE_ONLY=true, as there.
//
// Runs in a worker thread of the capture worker (see worker.ts), beside the program itself.

import * as fs from "node:fs";
import * as path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

export interface TypeDiagnostic {
    /** Absolute path, or undefined for a problem of the configuration as a whole. */
    readonly file?: string;
    readonly line?: number;
    readonly message: string;
}

export type TypeCheckResult =
    | { readonly checked: true; readonly errors: TypeDiagnostic[]; readonly ms: number }
    | { readonly checked: false; readonly reason: string };

export interface TypeCheckRequest {
    readonly programDir: string;
    readonly entry: string;
}

/** Diagnostics ts-node ignores by default. */
const ignoredCodes = new Set([6059, 18002, 18003]);

export function typeCheck(request: TypeCheckRequest): TypeCheckResult {
    const started = Date.now();
    const { programDir, entry } = request;
    let ts: typeof import("typescript");
    try {
        ts = require(require.resolve("typescript", { paths: [programDir, __dirname] }));
    } catch {
        return { checked: false, reason: "the typescript package is not installed" };
    }
    if (process.env.PULUMI_NODEJS_TRANSPILE_ONLY === "true") {
        return { checked: false, reason: "PULUMI_NODEJS_TRANSPILE_ONLY is true" };
    }
    const configName = process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json";
    const configPath = path.resolve(programDir, configName);
    const errors: TypeDiagnostic[] = [];
    const toError = (d: import("typescript").Diagnostic): TypeDiagnostic => {
        const message = `error TS${d.code}: ${ts
            .flattenDiagnosticMessageText(d.messageText, "\n")
            .split("\n")
            .map((l) => l.trim())
            .join(" ")}`;
        if (d.file && d.start !== undefined) {
            const { line } = d.file.getLineAndCharacterOfPosition(d.start);
            return { file: d.file.fileName, line: line + 1, message };
        }
        return { ...(d.file ? { file: d.file.fileName } : {}), message };
    };

    // Pulumi's defaults, which the tsconfig's compiler options override.
    let options: import("typescript").CompilerOptions = {
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        sourceMap: true,
    };
    if (fs.existsSync(configPath)) {
        const read = ts.readConfigFile(configPath, ts.sys.readFile);
        if (read.error) {
            return { checked: true, errors: [toError(read.error)], ms: Date.now() - started };
        }
        if ((read.config?.compilerOptions as { noCheck?: unknown } | undefined)?.noCheck === true) {
            return { checked: false, reason: `${configName} sets noCheck` };
        }
        const parsed = ts.parseJsonConfigFileContent(
            read.config,
            ts.sys,
            path.dirname(configPath),
            undefined,
            configPath,
        );
        errors.push(...parsed.errors.filter((d) => !ignoredCodes.has(d.code)).map(toError));
        options = { ...options, ...parsed.options };
    } else if (process.env.PULUMI_NODEJS_TSCONFIG_PATH) {
        return {
            checked: true,
            errors: [{ message: `tsconfig path was set to ${configName} but the file was not found` }],
            ms: Date.now() - started,
        };
    }
    // What ts-node overrides, so that emit settings of a build do not get in the way of running.
    options = {
        ...options,
        sourceMap: true,
        inlineSourceMap: false,
        inlineSources: true,
        declaration: false,
        noEmit: false,
        outDir: "$$ts-node$$",
    };
    for (const key of [
        "out",
        "outFile",
        "composite",
        "declarationDir",
        "declarationMap",
        "emitDeclarationOnly",
        "tsBuildInfoFile",
        "incremental",
    ]) {
        delete options[key];
    }

    const program = ts.createProgram({ rootNames: [entry], options });
    const own = program
        .getSourceFiles()
        .filter((f) => !f.isDeclarationFile && !f.fileName.split(/[\\/]/).includes("node_modules"));
    const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
    ].filter((d) => d.category === ts.DiagnosticCategory.Error && !ignoredCodes.has(d.code));
    errors.push(...diagnostics.map(toError));
    return { checked: true, errors, ms: Date.now() - started };
}

if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === "typecheck") {
    let result: TypeCheckResult;
    try {
        result = typeCheck(workerData as TypeCheckRequest);
    } catch (e) {
        result = { checked: false, reason: `the type checker failed: ${(e as Error).message}` };
    }
    parentPort?.postMessage(result);
}
