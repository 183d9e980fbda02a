import * as fs from "node:fs";
import * as path from "node:path";

function readVersion(): string {
    // policy-pack/package.json is what `new PolicyPack` reports, so it is the one version to show.
    for (const dir of [path.join(__dirname), path.join(__dirname, "..", "..", "policy-pack")]) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            return JSON.parse(fs.readFileSync(file, "utf8")).version;
        }
    }
    throw new Error("policy-pack/package.json not found");
}

export const version: string = readVersion();
