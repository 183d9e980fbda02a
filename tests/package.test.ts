// The package as a team installs it: `npm pack`, installed into a fresh project with its peer
// dependencies, a strict TypeScript program importing `aiguard/aws`, previewed with the installed
// pack by the installed CLI. Runs the build output, so `npm run build` first.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "./support/pack";

const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8"));
const consumerSources = path.join(__dirname, "fixtures", "consumer");

/** Pulumi's TypeScript template tsconfig, so the exports must also resolve under node10 resolution. */
const tsconfig = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
};

function writeProgram(dir: string, name: string, source: string): void {
    writeProgramText(dir, name, fs.readFileSync(source, "utf8"));
}

function writeProgramText(dir: string, name: string, text: string): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
    fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        "config:\n    aws:region: us-east-1\n    azure-native:location: westeurope\n",
    );
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    fs.writeFileSync(path.join(dir, "index.ts"), text);
}

/** The TypeScript blocks of README's "One example per component", as a reader would copy them. */
function readmeComponentExamples(): string[] {
    const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const start = readme.indexOf("### One example per component");
    const end = readme.indexOf("\n## ", start);
    const section = readme.slice(start, end === -1 ? undefined : end);
    return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

function installedAiguard(app: string, programDir: string) {
    return spawnSync(
        process.execPath,
        [path.join(app, "node_modules", "aiguard", "bin", "aiguard.js"), "preview", programDir],
        {
            cwd: app,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1" },
        },
    );
}

describe("the published package", () => {
    let work: string;
    let app: string;
    let files: string[];

    beforeAll(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-package-"));
        // The build has already run; packing must not run it again.
        const packed = JSON.parse(
            execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
                cwd: projectRoot,
                encoding: "utf8",
            }),
        ) as [{ filename: string; files: { path: string }[] }];
        files = packed[0].files.map((f) => f.path);
        app = path.join(work, "app");
        fs.mkdirSync(app);
        fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "consumer", private: true }));
        const peers = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/azure-native"].map(
            (p) => `${p}@${manifest.devDependencies[p]}`,
        );
        execFileSync(
            "npm",
            [
                "install",
                path.join(work, packed[0].filename),
                ...peers,
                `typescript@${manifest.devDependencies.typescript}`,
                "--no-audit",
                "--no-fund",
                "--prefer-offline",
                "--ignore-scripts",
            ],
            { cwd: app, stdio: "pipe" },
        );
    }, 300_000);

    afterAll(() => {
        if (work) {
            fs.rmSync(work, { recursive: true, force: true });
        }
        // The temporary project holds a few hundred megabytes of installed packages.
    }, 300_000);

    it("ships the build with declarations, the pack and the CLI, and nothing from development", () => {
        for (const required of [
            "bin/aiguard.js",
            "dist/components/aws/index.d.ts",
            "dist/components/azure/index.d.ts",
            "dist/policy-pack/bundle.js",
            "policy-pack/PulumiPolicy.yaml",
            "policy-pack/package.json",
            "dist/cli/main.js",
        ]) {
            expect(files).toContain(required);
        }
        const stray = files.filter((f) => /(^|\/)(tests|examples|bench)\/|\.ts$(?<!\.d\.ts)|\.test\.|tsconfig/.test(f));
        expect(stray).toEqual([]);
    });

    it("previews a strict program built from aiguard/aws with the installed pack: type-checked, no findings", () => {
        const dir = path.join(app, "program");
        writeProgram(dir, "consumer", path.join(consumerSources, "index.ts"));
        const run = installedAiguard(app, dir);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/local: node_modules\/aiguard\/policy-pack/);
        expect(run.stdout).toMatch(/Violations: 0 mandatory, 0 advisory\./);
    });

    it.each(readmeComponentExamples().map((text, i) => [i + 1, text] as const))(
        "README's component example %i, copied into the project, type-checks and previews with no findings",
        (i, text) => {
            const dir = path.join(app, `readme-${i}`);
            writeProgramText(dir, `readme-${i}`, text);
            const run = installedAiguard(app, dir);
            expect(run.stderr).toBe("");
            expect(run.stdout).toMatch(/Violations: 0 mandatory, 0 advisory\./);
            expect(run.status).toBe(0);
        },
        300_000,
    );

    it("refuses a misspelled argument at the type-check, naming file, line and argument", () => {
        const dir = path.join(app, "typo");
        writeProgram(dir, "typo", path.join(consumerSources, "typo", "index.ts"));
        const run = installedAiguard(app, dir);
        expect(run.status).not.toBe(0);
        expect(run.stderr).toMatch(/typo\/index\.ts:4: error TS2561: .*'versoning' does not exist/);
    });
});
