import * as fs from "node:fs";
import * as path from "node:path";

/** The package root, found from this file whether it runs from source or from dist/. */
export const packageRoot: string = (() => {
    let dir = __dirname;
    for (;;) {
        const pkg = path.join(dir, "package.json");
        if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "aiguard") {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error("cannot find the aiguard package root");
        }
        dir = parent;
    }
})();

export const defaultPackDir = path.join(packageRoot, "policy-pack");

export const toolVersion: string = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")).version;
