// Name-based (version 5) UUIDs, RFC 9562 section 5.5: the same name always gives the same UUID, so a
// regenerated OSCAL document keeps the identity of every part and diffs stay small.
import { createHash } from "node:crypto";

/** The namespace every aiguard OSCAL UUID is derived in: the v5 UUID of "aiguard" in the URL namespace. */
const urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

function bytesOf(uuid: string): Buffer {
    return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

export function uuidV5(name: string, namespace: string): string {
    const hash = createHash("sha1").update(bytesOf(namespace)).update(name, "utf8").digest();
    const b = hash.subarray(0, 16);
    b[6] = ((b[6] as number) & 0x0f) | 0x50;
    b[8] = ((b[8] as number) & 0x3f) | 0x80;
    const hex = b.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const aiguardNamespace = uuidV5("urn:aiguard", urlNamespace);

/** A stable UUID for an OSCAL object named by its path of parts, e.g. ("component", pack, version). */
export function oscalUuid(...parts: readonly string[]): string {
    return uuidV5(parts.join("\u0000"), aiguardNamespace);
}
