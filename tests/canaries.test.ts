// Secret canaries through the CLI: one resource of every type the pack reads, with a secret canary in
// every property its policies read (support/canary.ts), as a state file (`pulumi stack export` with
// --show-secrets, and encrypted) and as a previewed program (`pulumi.secret`). No output may contain
// the canary: stdout, stderr and files written with --output, in every report format the CLI offers.
// Build first (`npm run build`).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportFormats } from "../cli/options";
import { secretSig, secretSigKey } from "../harness/model";
import { policies } from "../policy-pack/policies";
import { canaryBag, canaryToken, canaryTypes } from "./support/canary";
import { aiguard } from "./support/cli";
import { typeShapes } from "./support/fuzz";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-canary-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const program = path.join(__dirname, "fixtures", "programs", "secret-canaries");
const P = "urn:pulumi:dev::canaries::";

/**
 * Every type the pack reads (the catalog's), with the paths read next to it in the sources and the
 * paths its policies mention. The previewed program takes the same list from the environment.
 */
function allCanaryTypes(): Map<string, readonly string[]> {
    const types = new Map(canaryTypes());
    for (const [t, shape] of typeShapes()) {
        const paths = shape.paths.filter((p) => p !== "tags");
        types.set(t, [...new Set([...(types.get(t) ?? []), ...paths])].sort());
    }
    return types;
}
const types = allCanaryTypes();
const typesFile = path.join(tmp, "canary-types.json");
fs.writeFileSync(typesFile, JSON.stringify([...types]));
process.env.AIGUARD_CANARY_TYPES_FILE = typesFile;
const rootUrn = `${P}pulumi:pulumi:Stack::canaries-dev`;

/** A state file as `pulumi stack export --show-secrets` writes it; every third secret stays encrypted. */
function canaryState(): string {
    let n = 0;
    const wrap = (v: string) =>
        n++ % 3 === 2
            ? { [secretSigKey]: secretSig, ciphertext: `v1:${Buffer.from(v).toString("base64")}` }
            : { [secretSigKey]: secretSig, plaintext: JSON.stringify(v) };
    const resources = [...types].map(([type, paths], i) => {
        const props = canaryBag(paths, wrap);
        return {
            urn: `${P}${type}::canary-${i}`,
            type,
            custom: true,
            id: `canary-${i}-id`,
            parent: rootUrn,
            inputs: props,
            outputs: props,
        };
    });
    const root = { urn: rootUrn, type: "pulumi:pulumi:Stack", custom: false, inputs: {}, outputs: {} };
    return JSON.stringify({ version: 3, deployment: { resources: [root, ...resources] } });
}

function expectNoCanary(where: string, text: string): void {
    const at = text.indexOf(canaryToken);
    expect(at, `${where} contains the canary: …${text.slice(Math.max(0, at - 80), at + 40)}…`).toBe(-1);
}

const stateFile = path.join(tmp, "canaries.json");
fs.writeFileSync(stateFile, canaryState());

// Each report format to a file (and what the run prints besides), and to stdout: every run prints
// findings about the canary resources. `stdoutFormats` limits the second kind where a run is costly.
async function checkEveryFormat(command: string[], stdoutFormats: readonly string[] = reportFormats): Promise<void> {
    for (const format of reportFormats) {
        if (stdoutFormats.includes(format)) {
            const toStdout = await aiguard(...command, "--format", format);
            expect(toStdout.code, `${format}: ${toStdout.stderr}`).toBe(1);
            expect(toStdout.stdout).toContain("canary-");
            expectNoCanary(`${format} on stdout`, toStdout.stdout);
            expectNoCanary(`${format} stderr`, toStdout.stderr);
        }

        const file = path.join(tmp, `report-${command[0]}.${format}`);
        const toFile = await aiguard(...command, "--format", format, "--output", file);
        expect(toFile.code, `${format} --output: ${toFile.stderr}`).toBe(1);
        const written = fs.readFileSync(file, "utf8");
        expect(written).toContain("canary-");
        expectNoCanary(`${format} --output file`, written);
        expectNoCanary(`${format} --output stdout`, toFile.stdout);
        expectNoCanary(`${format} --output stderr`, toFile.stderr);
    }
}

describe("secret canaries", () => {
    it("covers every type the pack reads, and the fixtures hold the canary where the pack can see it", () => {
        const read = new Set(policies.flatMap((p) => p.resourceTypes));
        expect([...read].filter((t) => !types.has(t))).toEqual([]);
        expect(fs.readFileSync(stateFile, "utf8")).toContain(canaryToken);
    });

    it("state file: no report format prints a secret, on stdout or in an --output file", async () => {
        await checkEveryFormat(["analyze", "--file", stateFile]);
    }, 600_000);

    it("previewed program: no report format prints a pulumi.secret value", async () => {
        // A preview runs the program each time: every format to a file, and the text report on stdout
        // (what goes to stdout is the same rendering as what goes to the file).
        await checkEveryFormat(["preview", program], ["text"]);
    }, 900_000);
});
