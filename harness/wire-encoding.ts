// Protobuf wire encoding of property bags (google.protobuf.Struct), written by hand so that it is
// linear in the size of the value whatever its nesting (google-protobuf's builders re-walk the
// whole subtree at every level), keeps every key as a plain key (google-protobuf's map drops a
// `__proto__` key), and never recurses deeper than `maxPropertyDepth`.

import type { WireObject, WireValue } from "./model";

/** Deepest nesting of objects and arrays accepted below the top level of a property bag. */
export const maxPropertyDepth = 1000;

export class PropertyDepthError extends Error {
    override readonly name = "PropertyDepthError";
    constructor() {
        super(`property values are nested deeper than ${maxPropertyDepth} levels`);
    }
}

/** The engine's internal keys (`__` prefix) are left out of Analyze and AnalyzeStack at every depth. */
export function isInternalKey(key: string): boolean {
    return key.startsWith("__");
}

export function hasInternalKeys(v: WireValue, depth = 0): boolean {
    if (v === null || typeof v !== "object") {
        return false;
    }
    if (depth > maxPropertyDepth) {
        throw new PropertyDepthError();
    }
    if (Array.isArray(v)) {
        return v.some((e) => hasInternalKeys(e, depth + 1));
    }
    for (const k of Object.keys(v)) {
        if (isInternalKey(k) || hasInternalKeys(v[k] as WireValue, depth + 1)) {
            return true;
        }
    }
    return false;
}

function varintSize(n: number): number {
    let size = 1;
    while (n >= 0x80) {
        n = Math.floor(n / 128);
        size++;
    }
    return size;
}

/** Length-delimited field: tag byte + length varint + body. */
function delimitedSize(bodySize: number): number {
    return 1 + varintSize(bodySize) + bodySize;
}

class Encoder {
    // Sizes of Struct / ListValue bodies, computed once in the first pass and reused in the second.
    private readonly sizes = new Map<object, number>();
    private buf: Buffer = Buffer.alloc(0);
    private pos = 0;

    constructor(private readonly skipInternalKeys: boolean) {}

    // Sorted, as google-protobuf writes map entries.
    private keys(o: WireObject): string[] {
        const keys = Object.keys(o).sort();
        return this.skipInternalKeys ? keys.filter((k) => !isInternalKey(k)) : keys;
    }

    /** Size of a google.protobuf.Value body holding v. */
    private valueSize(v: WireValue, depth: number): number {
        if (v === null) {
            return 2;
        }
        switch (typeof v) {
            case "number":
                return 9;
            case "boolean":
                return 2;
            case "string":
                return delimitedSize(Buffer.byteLength(v, "utf8"));
        }
        return delimitedSize(Array.isArray(v) ? this.listSize(v, depth) : this.structSize(v as WireObject, depth));
    }

    private listSize(v: WireValue[], depth: number): number {
        if (depth > maxPropertyDepth) {
            throw new PropertyDepthError();
        }
        let size = 0;
        for (const e of v) {
            size += delimitedSize(this.valueSize(e, depth + 1));
        }
        this.sizes.set(v, size);
        return size;
    }

    structSize(o: WireObject, depth: number): number {
        if (depth > maxPropertyDepth) {
            throw new PropertyDepthError();
        }
        let size = 0;
        for (const k of this.keys(o)) {
            const entry =
                delimitedSize(Buffer.byteLength(k, "utf8")) +
                delimitedSize(this.valueSize(o[k] as WireValue, depth + 1));
            size += delimitedSize(entry);
        }
        this.sizes.set(o, size);
        return size;
    }

    /** Second pass: the size of a Value body, containers from the first pass's cache. */
    private sizeOf(v: WireValue): number {
        if (v !== null && typeof v === "object") {
            return delimitedSize(this.sizes.get(v) as number);
        }
        return this.valueSize(v, 0);
    }

    private byte(b: number): void {
        this.buf[this.pos++] = b;
    }

    private varint(n: number): void {
        while (n >= 0x80) {
            this.byte((n % 128) | 0x80);
            n = Math.floor(n / 128);
        }
        this.byte(n);
    }

    private string(tag: number, s: string): void {
        this.byte(tag);
        this.varint(Buffer.byteLength(s, "utf8"));
        this.pos += this.buf.write(s, this.pos, "utf8");
    }

    private value(v: WireValue): void {
        if (v === null) {
            this.byte(0x08); // null_value = 1, varint 0
            this.byte(0);
            return;
        }
        switch (typeof v) {
            case "number":
                this.byte(0x11); // number_value = 2, 64-bit
                this.buf.writeDoubleLE(v, this.pos);
                this.pos += 8;
                return;
            case "boolean":
                this.byte(0x20); // bool_value = 4, varint
                this.byte(v ? 1 : 0);
                return;
            case "string":
                this.string(0x1a, v); // string_value = 3
                return;
        }
        if (Array.isArray(v)) {
            this.byte(0x32); // list_value = 6
            this.varint(this.sizes.get(v) as number);
            for (const e of v) {
                this.byte(0x0a); // values = 1
                this.varint(this.sizeOf(e));
                this.value(e);
            }
            return;
        }
        this.byte(0x2a); // struct_value = 5
        this.varint(this.sizes.get(v) as number);
        this.struct(v as WireObject);
    }

    struct(o: WireObject): void {
        for (const k of this.keys(o)) {
            const v = o[k] as WireValue;
            const vSize = this.sizeOf(v);
            this.byte(0x0a); // fields = 1, map entry
            this.varint(delimitedSize(Buffer.byteLength(k, "utf8")) + delimitedSize(vSize));
            this.string(0x0a, k); // key = 1
            this.byte(0x12); // value = 2
            this.varint(vSize);
            this.value(v);
        }
    }

    encode(o: WireObject): Buffer {
        this.buf = Buffer.alloc(this.structSize(o, 0));
        this.pos = 0;
        this.struct(o);
        return this.buf;
    }
}

/** The bytes of a google.protobuf.Struct holding `o`. */
export function encodeStruct(o: WireObject, skipInternalKeys: boolean): Buffer {
    return new Encoder(skipInternalKeys).encode(o);
}

/** A length-delimited field `fieldNumber` holding `body`. */
export function delimitedField(fieldNumber: number, body: Uint8Array): Buffer {
    const header: number[] = [(fieldNumber << 3) | 2];
    let n = body.length;
    while (n >= 0x80) {
        header.push((n % 128) | 0x80);
        n = Math.floor(n / 128);
    }
    header.push(n);
    return Buffer.concat([Buffer.from(header), body]);
}

/**
 * Makes a generated message serialize as its own fields plus `extra` encoded fields. Protobuf
 * merges concatenated fields, so this is the message with those fields set.
 */
export function withEncodedFields<T extends { serializeBinary(): Uint8Array }>(message: T, extra: Buffer[]): T {
    const own = message.serializeBinary.bind(message);
    message.serializeBinary = () => Buffer.concat([Buffer.from(own()), ...extra]);
    return message;
}
