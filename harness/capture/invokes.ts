// The provider functions (invokes) an offline preview answers itself, as the providers would answer
// them: the pure ones (a policy document is rendered from its arguments) and the ones whose answer
// follows from the provider's configuration (region, partition, zones). Every other invoke gets an
// unknown result, so the program goes on and the checks that depend on it decide as unknown.

/** The engine's marker for a value not known during preview. */
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface InvokeContext {
    /** The AWS region of the provider the invoke goes to (explicit provider, or stack config). */
    readonly awsRegion: string;
    /** `namespace:key` to value, the stack's config. */
    readonly config: Readonly<Record<string, string>>;
}

/** An invoke failure, shaped as the monitor reports one (the SDK reads `details`). */
export class InvokeFailure extends Error {
    readonly details: string;
    constructor(message: string) {
        super(message);
        this.details = message;
    }
}

export type InvokeAnswer = { readonly answered: true; readonly result: Record<string, unknown> } | { answered: false };

export const answeredInvokes = [
    "aws:iam/getPolicyDocument:getPolicyDocument",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getRegion:getRegion",
    "aws:index/getPartition:getPartition",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "azure-native:authorization:getClientConfig",
] as const;

export function answerInvoke(token: string, args: Record<string, unknown>, ctx: InvokeContext): InvokeAnswer {
    switch (token) {
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return { answered: true, result: getPolicyDocument(args) };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { answered: true, result: callerIdentity(ctx) };
        case "aws:index/getRegion:getRegion":
            return { answered: true, result: getRegion(args, ctx) };
        case "aws:index/getPartition:getPartition":
            return { answered: true, result: partitionResult(partitionOf(ctx.awsRegion)) };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return availabilityZones(args, ctx);
        case "azure-native:authorization:getClientConfig":
            return { answered: true, result: clientConfig(ctx) };
        default:
            return { answered: false };
    }
}

/** An unknown result with the given fields (the fields of the function's result type when known). */
export function unknownResult(fields: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(fields.map((f) => [f, unknown]));
}

// --- aws:iam/getPolicyDocument ------------------------------------------------------------------

/**
 * A JSON value in the order and shape Go's encoding/json writes it: objects are ordered entry lists
 * (struct fields in declaration order, map keys sorted), strings are HTML-escaped.
 */
type GoJson = string | readonly GoJson[] | { readonly entries: ReadonlyArray<readonly [string, GoJson]> };

function goString(s: string): string {
    return JSON.stringify(s)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}

/** json.MarshalIndent(v, "", "  ") when indent is set, else json.Marshal(v). */
function goMarshal(v: GoJson, indent: boolean, depth = 0): string {
    if (typeof v === "string") {
        return goString(v);
    }
    const pad = indent ? `\n${"  ".repeat(depth + 1)}` : "";
    const close = indent ? `\n${"  ".repeat(depth)}` : "";
    if (Array.isArray(v)) {
        const items = v as readonly GoJson[];
        if (items.length === 0) {
            return "[]";
        }
        return `[${items.map((e) => pad + goMarshal(e, indent, depth + 1)).join(",")}${close}]`;
    }
    const entries = (v as { entries: ReadonlyArray<readonly [string, GoJson]> }).entries;
    if (entries.length === 0) {
        return "{}";
    }
    const sep = indent ? ": " : ":";
    return `{${entries.map(([k, e]) => pad + goString(k) + sep + goMarshal(e, indent, depth + 1)).join(",")}${close}}`;
}

/** Go's sort.Strings order: by UTF-8 bytes, which for these strings is UTF-16 code unit order. */
function byteOrder(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** A set of strings from the config: the single element as a string, else reverse-sorted. */
function decodeStringSet(values: readonly string[]): string | string[] {
    const unique = [...new Set(values)];
    if (unique.length === 1) {
        return unique[0] as string;
    }
    return unique.sort(byteOrder).reverse();
}

interface Principal {
    readonly type: string;
    readonly identifiers: string | string[];
}

interface Condition {
    readonly test: string;
    readonly variable: string;
    readonly values: string | string[];
}

interface Statement {
    sid: string;
    effect: string;
    actions?: string | unknown[];
    notActions?: string | unknown[];
    resources?: string | unknown[];
    notResources?: string | unknown[];
    principals: Principal[];
    notPrincipals: Principal[];
    conditions: Condition[];
}

interface PolicyDoc {
    version: string;
    id: string;
    statements: Statement[];
}

function marshalPrincipals(ps: readonly Principal[]): GoJson {
    if (ps.length === 1) {
        const p = ps[0] as Principal;
        const ids = p.identifiers;
        if (p.type === "*" && (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*"))) {
            return "*";
        }
    }
    const raw = new Map<string, string | string[]>();
    for (const p of ps) {
        const existing = raw.get(p.type);
        if (Array.isArray(p.identifiers)) {
            const sorted = [...p.identifiers].sort(byteOrder).reverse();
            raw.set(p.type, [
                ...(existing === undefined ? [] : typeof existing === "string" ? [existing] : existing),
                ...sorted,
            ]);
        } else if (existing === undefined) {
            raw.set(p.type, p.identifiers);
        } else {
            raw.set(p.type, [...(typeof existing === "string" ? [existing] : existing), p.identifiers]);
        }
    }
    return { entries: [...raw.entries()].sort(([a], [b]) => byteOrder(a, b)) };
}

function marshalConditions(cs: readonly Condition[]): GoJson {
    const raw = new Map<string, Map<string, string[]>>();
    for (const c of cs) {
        let byVariable = raw.get(c.test);
        if (!byVariable) {
            byVariable = new Map();
            raw.set(c.test, byVariable);
        }
        const values = byVariable.get(c.variable) ?? [];
        // Order matters for condition values, so they are not sorted.
        values.push(...(typeof c.values === "string" ? [c.values] : c.values));
        byVariable.set(c.variable, values);
    }
    return {
        entries: [...raw.entries()]
            .sort(([a], [b]) => byteOrder(a, b))
            .map(([test, byVariable]) => [
                test,
                {
                    entries: [...byVariable.entries()]
                        .sort(([a], [b]) => byteOrder(a, b))
                        .map(([variable, values]) => [variable, values.length === 1 ? (values[0] as string) : values]),
                },
            ]),
    };
}

/** A value read from a source or override document: strings and lists as they were written. */
function asGoJson(v: unknown): GoJson {
    if (typeof v === "string") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map(asGoJson);
    }
    if (v === null || v === undefined) {
        return "null";
    }
    if (typeof v === "object") {
        return {
            entries: Object.entries(v as Record<string, unknown>)
                .sort(([a], [b]) => byteOrder(a, b))
                .map(([k, e]) => [k, asGoJson(e)]),
        };
    }
    return String(v);
}

function marshalDoc(doc: PolicyDoc, indent: boolean): string {
    const entries: Array<[string, GoJson]> = [];
    if (doc.version) {
        entries.push(["Version", doc.version]);
    }
    if (doc.id) {
        entries.push(["Id", doc.id]);
    }
    if (doc.statements.length > 0) {
        entries.push([
            "Statement",
            doc.statements.map((s) => {
                const e: Array<[string, GoJson]> = [];
                if (s.sid) e.push(["Sid", s.sid]);
                if (s.effect) e.push(["Effect", s.effect]);
                if (s.actions !== undefined) e.push(["Action", asGoJson(s.actions)]);
                if (s.notActions !== undefined) e.push(["NotAction", asGoJson(s.notActions)]);
                if (s.resources !== undefined) e.push(["Resource", asGoJson(s.resources)]);
                if (s.notResources !== undefined) e.push(["NotResource", asGoJson(s.notResources)]);
                if (s.principals.length > 0) e.push(["Principal", marshalPrincipals(s.principals)]);
                if (s.notPrincipals.length > 0) e.push(["NotPrincipal", marshalPrincipals(s.notPrincipals)]);
                if (s.conditions.length > 0) e.push(["Condition", marshalConditions(s.conditions)]);
                return { entries: e };
            }),
        ]);
    }
    return goMarshal({ entries }, indent);
}

function mergeDoc(into: PolicyDoc, doc: PolicyDoc): void {
    if (doc.id) {
        into.id = doc.id;
    }
    if (doc.version > into.version) {
        into.version = doc.version;
    }
    for (const s of doc.statements) {
        const at = s.sid ? into.statements.findIndex((e) => e.sid === s.sid) : -1;
        if (at >= 0) {
            into.statements[at] = s;
        } else {
            into.statements.push(s);
        }
    }
}

const fail = (message: string): never => {
    throw new InvokeFailure(message);
};

function stringList(v: unknown, what: string): string[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (!Array.isArray(v) || v.some((e) => typeof e !== "string")) {
        fail(`${what}: expected a list of strings`);
    }
    return v as string[];
}

/** `&{aws:username}` is written for the policy variable `${aws:username}`, which programs cannot write. */
function replaceVars(v: string, version: string, what: string): string {
    if (version === "2008-10-17" && v.includes("&{")) {
        fail(`reading ${what}: found &{ sequence in (${v}), which is not supported in document version 2008-10-17`);
    }
    return v.replaceAll("&{", "${");
}

function replaceVarsIn(v: string | string[], version: string, what: string): string | string[] {
    return typeof v === "string" ? replaceVars(v, version, what) : v.map((e) => replaceVars(e, version, what));
}

function configPrincipals(v: unknown, version: string, what: string): Principal[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (!Array.isArray(v)) {
        return fail(`${what}: expected a list`);
    }
    return v.map((p: Record<string, unknown>) => {
        if (typeof p?.type !== "string") {
            fail(`${what}: type is required`);
        }
        const ids = stringList(p.identifiers, `${what}.identifiers`);
        return {
            type: p.type as string,
            identifiers: replaceVarsIn(decodeStringSet(ids), version, "identifiers"),
        };
    });
}

function configConditions(v: unknown, version: string): Condition[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (!Array.isArray(v)) {
        return fail("conditions: expected a list");
    }
    return v.map((c: Record<string, unknown>) => {
        if (typeof c?.test !== "string" || typeof c?.variable !== "string") {
            fail("conditions: test and variable are required");
        }
        const values = stringList(c.values, "conditions.values").map((e) => replaceVars(e, version, "values"));
        return {
            test: c.test as string,
            variable: c.variable as string,
            values: values.length === 1 ? (values[0] as string) : values,
        };
    });
}

function configStatements(v: unknown, version: string): Statement[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (!Array.isArray(v)) {
        return fail("statements: expected a list");
    }
    const sids = new Set<string>();
    return v.map((raw: Record<string, unknown>, i) => {
        const sid = typeof raw?.sid === "string" ? raw.sid : "";
        if (!/^[a-zA-Z0-9]*$/.test(sid)) {
            fail(`invalid value for statements.${i}.sid (must only include alphanumeric characters)`);
        }
        if (sids.has(sid)) {
            fail(`writing IAM Policy Document: duplicate Sid (${sid}). Remove the Sid or ensure the Sid is unique.`);
        }
        if (sid) {
            sids.add(sid);
        }
        const effect = raw.effect === undefined || raw.effect === null ? "Allow" : raw.effect;
        if (effect !== "Allow" && effect !== "Deny") {
            fail(`expected statements.${i}.effect to be one of ["Allow" "Deny"], got ${String(effect)}`);
        }
        const set = (key: string, vars: boolean): string | string[] | undefined => {
            const list = stringList(raw[key], `statements.${i}.${key}`);
            if (list.length === 0) {
                return undefined;
            }
            const decoded = decodeStringSet(list);
            return vars ? replaceVarsIn(decoded, version, key) : decoded;
        };
        const s: Statement = {
            sid,
            effect: effect as string,
            principals: configPrincipals(raw.principals, version, `statements.${i}.principals`),
            notPrincipals: configPrincipals(raw.notPrincipals, version, `statements.${i}.notPrincipals`),
            conditions: configConditions(raw.conditions, version),
        };
        const actions = set("actions", false);
        const notActions = set("notActions", false);
        const resources = set("resources", true);
        const notResources = set("notResources", true);
        if (actions !== undefined) s.actions = actions;
        if (notActions !== undefined) s.notActions = notActions;
        if (resources !== undefined) s.resources = resources;
        if (notResources !== undefined) s.notResources = notResources;
        return s;
    });
}

/** A principal block as JSON documents write it: "*" or a map of type to identifiers. */
function parsedPrincipals(v: unknown): Principal[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (typeof v === "string") {
        return [{ type: "*", identifiers: ["*"] }];
    }
    if (typeof v !== "object" || Array.isArray(v)) {
        return fail("Unsupported data type for IAMPolicyStatementPrincipalSet");
    }
    return Object.entries(v as Record<string, unknown>).map(([type, ids]) => {
        if (typeof ids === "string") {
            return { type, identifiers: ids };
        }
        if (Array.isArray(ids) && ids.every((e) => typeof e === "string")) {
            return { type, identifiers: [...(ids as string[])].sort(byteOrder) };
        }
        return fail(`Unsupported data type for IAMPolicyStatementPrincipalSet.Identifiers (principal type "${type}")`);
    });
}

function parsedConditions(v: unknown): Condition[] {
    if (v === undefined || v === null) {
        return [];
    }
    if (typeof v !== "object" || Array.isArray(v)) {
        return fail("Condition: expected an object");
    }
    const out: Condition[] = [];
    for (const [test, byVariable] of Object.entries(v as Record<string, unknown>)) {
        for (const [variable, values] of Object.entries((byVariable ?? {}) as Record<string, unknown>)) {
            if (typeof values === "string") {
                out.push({ test, variable, values: [values] });
            } else if (typeof values === "boolean") {
                out.push({ test, variable, values: String(values) });
            } else if (Array.isArray(values)) {
                out.push({ test, variable, values: values.map((e) => String(e)) });
            }
        }
    }
    return out;
}

function parseDocument(json: string, what: string): PolicyDoc {
    let doc: Record<string, unknown>;
    try {
        doc = JSON.parse(json);
    } catch (e) {
        return fail(`writing IAM Policy Document: merging ${what}: ${(e as Error).message}`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        return fail(`writing IAM Policy Document: merging ${what}: not a JSON object`);
    }
    const rawStatements = doc.Statement === undefined || doc.Statement === null ? [] : doc.Statement;
    const statements = (Array.isArray(rawStatements) ? rawStatements : [rawStatements]).map(
        (s: Record<string, unknown>): Statement => {
            const st: Statement = {
                sid: typeof s.Sid === "string" ? s.Sid : "",
                effect: typeof s.Effect === "string" ? s.Effect : "",
                principals: parsedPrincipals(s.Principal),
                notPrincipals: parsedPrincipals(s.NotPrincipal),
                conditions: parsedConditions(s.Condition),
            };
            for (const [from, to] of [
                ["Action", "actions"],
                ["NotAction", "notActions"],
                ["Resource", "resources"],
                ["NotResource", "notResources"],
            ] as const) {
                const value = s[from];
                if (value !== undefined && value !== null) {
                    st[to] = typeof value === "string" ? value : (value as unknown[]);
                }
            }
            return st;
        },
    );
    return {
        version: typeof doc.Version === "string" ? doc.Version : "",
        id: typeof doc.Id === "string" ? doc.Id : "",
        statements,
    };
}

const crcTable = (() => {
    const table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        table[n] = c;
    }
    return table;
})();

/** crc32 (IEEE) of the UTF-8 bytes, as the provider hashes a document into the data source's ID. */
export function crc32(s: string): number {
    let crc = -1;
    for (const byte of Buffer.from(s, "utf8")) {
        crc = (crc >>> 8) ^ (crcTable[(crc ^ byte) & 0xff] as number);
    }
    return (crc ^ -1) >>> 0;
}

/** aws:iam/getPolicyDocument, rendered as the AWS provider renders the aws_iam_policy_document data source. */
export function getPolicyDocument(args: Record<string, unknown>): Record<string, unknown> {
    for (const deprecated of ["sourceJson", "overrideJson"] as const) {
        const v = args[deprecated];
        if (typeof v === "string" && v !== "") {
            fail(`expected "${deprecated}" to be an empty string, got ${v}`);
        }
    }
    const version = typeof args.version === "string" ? args.version : "2012-10-17";
    if (version !== "2008-10-17" && version !== "2012-10-17") {
        fail(`expected version to be one of ["2008-10-17" "2012-10-17"], got ${version}`);
    }
    const merged: PolicyDoc = { version: "", id: "", statements: [] };
    const sources = stringList(args.sourcePolicyDocuments, "sourcePolicyDocuments");
    const sourceSids = new Set<string>();
    sources.forEach((json, i) => {
        const doc = parseDocument(json, `source document ${i}`);
        doc.statements.forEach((s, j) => {
            if (s.sid) {
                if (sourceSids.has(s.sid)) {
                    fail(
                        `writing IAM Policy Document: merging source document ${i}: duplicate Sid (${s.sid}) in source_policy_documents (statement ${j}). Remove the Sid or ensure Sids are unique.`,
                    );
                }
                sourceSids.add(s.sid);
            }
        });
        mergeDoc(merged, doc);
    });
    mergeDoc(merged, {
        version,
        id: typeof args.policyId === "string" ? args.policyId : "",
        statements: configStatements(args.statements, version),
    });
    stringList(args.overridePolicyDocuments, "overridePolicyDocuments").forEach((json, i) => {
        mergeDoc(merged, parseDocument(json, `override document ${i}`));
    });
    const json = marshalDoc(merged, true);
    const statements = Array.isArray(args.statements)
        ? args.statements.map((s: Record<string, unknown>) => ({ ...s, effect: s?.effect ?? "Allow" }))
        : undefined;
    return {
        ...args,
        id: String(crc32(json)),
        json,
        minifiedJson: marshalDoc(merged, false),
        version,
        ...(statements ? { statements } : {}),
    };
}

// --- AWS: account, region, partition, zones -----------------------------------------------------

interface PartitionInfo {
    readonly partition: string;
    readonly dnsSuffix: string;
    readonly reverseDnsPrefix: string;
}

export function partitionOf(region: string): PartitionInfo {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    }
    if (region.startsWith("us-isob-")) {
        return { partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", reverseDnsPrefix: "gov.sgov.sc2s" };
    }
    if (region.startsWith("us-isof-")) {
        return { partition: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", reverseDnsPrefix: "gov.ic.hci.csp" };
    }
    if (region.startsWith("us-iso-")) {
        return { partition: "aws-iso", dnsSuffix: "c2s.ic.gov", reverseDnsPrefix: "gov.ic.c2s" };
    }
    if (region.startsWith("eu-isoe-")) {
        return { partition: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", reverseDnsPrefix: "uk.adc-e.cloud" };
    }
    if (region.startsWith("eusc-")) {
        return { partition: "aws-eusc", dnsSuffix: "amazonaws.eu", reverseDnsPrefix: "eu.amazonaws" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

function partitionResult(p: PartitionInfo): Record<string, unknown> {
    return { id: p.partition, partition: p.partition, dnsSuffix: p.dnsSuffix, reverseDnsPrefix: p.reverseDnsPrefix };
}

/** The account offline previews run as: the only `aws:allowedAccountIds` entry, else a placeholder. */
function accountId(ctx: InvokeContext): string {
    const allowed = ctx.config["aws:allowedAccountIds"];
    if (allowed) {
        try {
            const ids = JSON.parse(allowed);
            if (Array.isArray(ids) && ids.length === 1 && typeof ids[0] === "string") {
                return ids[0];
            }
        } catch {}
    }
    return "123456789012";
}

function callerIdentity(ctx: InvokeContext): Record<string, unknown> {
    const account = accountId(ctx);
    const partition = partitionOf(ctx.awsRegion).partition;
    return {
        id: account,
        accountId: account,
        arn: `arn:${partition}:iam::${account}:user/aiguard-offline-preview`,
        userId: "AIDAOFFLINEPREVIEW00000",
    };
}

/** Region, description (as the AWS SDK's endpoint data names it) and zone letters of standard accounts. */
const regions: Record<string, readonly [string, string]> = {
    "us-east-1": ["US East (N. Virginia)", "abcdef"],
    "us-east-2": ["US East (Ohio)", "abc"],
    "us-west-1": ["US West (N. California)", "ac"],
    "us-west-2": ["US West (Oregon)", "abcd"],
    "af-south-1": ["Africa (Cape Town)", "abc"],
    "ap-east-1": ["Asia Pacific (Hong Kong)", "abc"],
    "ap-east-2": ["Asia Pacific (Taipei)", "abc"],
    "ap-south-1": ["Asia Pacific (Mumbai)", "abc"],
    "ap-south-2": ["Asia Pacific (Hyderabad)", "abc"],
    "ap-southeast-1": ["Asia Pacific (Singapore)", "abc"],
    "ap-southeast-2": ["Asia Pacific (Sydney)", "abc"],
    "ap-southeast-3": ["Asia Pacific (Jakarta)", "abc"],
    "ap-southeast-4": ["Asia Pacific (Melbourne)", "abc"],
    "ap-southeast-5": ["Asia Pacific (Malaysia)", "abc"],
    "ap-southeast-7": ["Asia Pacific (Thailand)", "abc"],
    "ap-northeast-1": ["Asia Pacific (Tokyo)", "acd"],
    "ap-northeast-2": ["Asia Pacific (Seoul)", "abcd"],
    "ap-northeast-3": ["Asia Pacific (Osaka)", "abc"],
    "ca-central-1": ["Canada (Central)", "abd"],
    "ca-west-1": ["Canada West (Calgary)", "abc"],
    "eu-central-1": ["Europe (Frankfurt)", "abc"],
    "eu-central-2": ["Europe (Zurich)", "abc"],
    "eu-west-1": ["Europe (Ireland)", "abc"],
    "eu-west-2": ["Europe (London)", "abc"],
    "eu-west-3": ["Europe (Paris)", "abc"],
    "eu-south-1": ["Europe (Milan)", "abc"],
    "eu-south-2": ["Europe (Spain)", "abc"],
    "eu-north-1": ["Europe (Stockholm)", "abc"],
    "il-central-1": ["Israel (Tel Aviv)", "abc"],
    "me-south-1": ["Middle East (Bahrain)", "abc"],
    "me-central-1": ["Middle East (UAE)", "abc"],
    "mx-central-1": ["Mexico (Central)", "abc"],
    "sa-east-1": ["South America (Sao Paulo)", "abc"],
    "us-gov-west-1": ["AWS GovCloud (US-West)", "abc"],
    "us-gov-east-1": ["AWS GovCloud (US-East)", "abc"],
    "cn-north-1": ["China (Beijing)", "abd"],
    "cn-northwest-1": ["China (Ningxia)", "abc"],
};

function getRegion(args: Record<string, unknown>, ctx: InvokeContext): Record<string, unknown> {
    const asked = [args.region, args.name].find((v): v is string => typeof v === "string" && v !== "");
    let region = asked ?? ctx.awsRegion;
    if (typeof args.endpoint === "string" && args.endpoint !== "") {
        const byEndpoint = Object.keys(regions).find((r) => ec2Endpoint(r) === args.endpoint);
        if (!byEndpoint) {
            fail(`finding Region by endpoint: region not found for endpoint "${args.endpoint}"`);
        }
        if (asked && asked !== byEndpoint) {
            fail("multiple Regions matched: use additional constraints to reduce matches to a single Region");
        }
        region = byEndpoint as string;
    }
    const known = regions[region];
    return {
        id: region,
        name: region,
        region,
        endpoint: ec2Endpoint(region),
        // A region this table does not know (newer than it) keeps an unknown description.
        description: known ? known[0] : unknown,
    };
}

function ec2Endpoint(region: string): string {
    return `ec2.${region}.${partitionOf(region).dnsSuffix}`;
}

/** The zone ID prefix AWS uses per region: us-east-1 is "use1", ap-southeast-2 is "apse2". */
function zoneIdPrefix(region: string): string {
    const parts = region.split("-");
    const num = parts.pop() ?? "";
    const initial: Record<string, string> = { north: "n", south: "s", east: "e", west: "w", central: "c", gov: "g" };
    const words = parts.map((p) => {
        if (p.length <= 2) {
            return p;
        }
        // "southeast" is "se", "central" is "c".
        const m = /^(north|south|east|west|central|gov)(east|west)?$/.exec(p);
        return m ? `${initial[m[1] as string]}${m[2] ? initial[m[2]] : ""}` : p;
    });
    return `${words.join("")}${num}`;
}

function availabilityZones(args: Record<string, unknown>, ctx: InvokeContext): InvokeAnswer {
    const region = typeof args.region === "string" && args.region !== "" ? args.region : ctx.awsRegion;
    const known = regions[region];
    const filters = Array.isArray(args.filters) ? (args.filters as Array<{ name?: string; values?: string[] }>) : [];
    const onlyDefaultZones = filters.every(
        (f) => f?.name === "opt-in-status" && (f.values ?? []).includes("opt-in-not-required"),
    );
    const state = typeof args.state === "string" ? args.state : "available";
    if (!known || !onlyDefaultZones || args.allAvailabilityZones === true || state !== "available") {
        // Local Zones, Wavelength Zones and filtered views depend on the account: unknown offline.
        return { answered: false };
    }
    const exclude = new Set(stringList(args.excludeNames, "excludeNames"));
    const excludeIds = new Set(stringList(args.excludeZoneIds, "excludeZoneIds"));
    const prefix = zoneIdPrefix(region);
    const zones = [...known[1]]
        .map((letter, i) => ({ name: `${region}${letter}`, zoneId: `${prefix}-az${i + 1}` }))
        .filter((z) => !exclude.has(z.name) && !excludeIds.has(z.zoneId));
    return {
        answered: true,
        result: {
            ...args,
            id: region,
            region,
            names: zones.map((z) => z.name),
            zoneIds: zones.map((z) => z.zoneId),
            groupNames: [region],
        },
    };
}

// --- azure-native ----------------------------------------------------------------------------------

function clientConfig(ctx: InvokeContext): Record<string, unknown> {
    const c = ctx.config;
    return {
        clientId: c["azure-native:clientId"] ?? "00000000-0000-0000-0000-000000000001",
        objectId: "00000000-0000-0000-0000-000000000002",
        subscriptionId: c["azure-native:subscriptionId"] ?? "00000000-0000-0000-0000-000000000003",
        tenantId: c["azure-native:tenantId"] ?? "00000000-0000-0000-0000-000000000004",
    };
}
