import type { PolicyDefinition } from "./definition";

/** Fails loudly on a catalog that the pack must never serve: duplicate ids or malformed entries. */
export function checkCatalog(policies: readonly PolicyDefinition[]): void {
    const seen = new Set<string>();
    for (const p of policies) {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id)) {
            throw new Error(`policy id '${p.id}' is not kebab-case`);
        }
        if (seen.has(p.id)) {
            throw new Error(`policy id '${p.id}' is defined twice`);
        }
        seen.add(p.id);
        if (p.resourceTypes.length === 0) {
            throw new Error(`policy '${p.id}' names no resource types`);
        }
    }
}
