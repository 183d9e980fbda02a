// Plays the engine's side of the Analyzer protocol against a running policy pack:
// Handshake → ConfigureStack → GetAnalyzerInfo → Configure (reconciled) → per resource Remediate +
// Analyze on inputs → AnalyzeStack on outputs → close. It also does the engine's bookkeeping:
// attributing diagnostics to resources, telling undecided (unknown during preview) results apart,
// and keeping secret values out of every message.

import type * as grpcTypes from "@grpc/grpc-js";
import {
    type EnforcementLevel,
    type PolicyConfigFile,
    type ReconciledPolicyConfig,
    reconcilePolicyConfig,
} from "./config";
import { InputError } from "./errors";
import { isSecret, type ResourceSnapshot, type WireObject, type WireValue } from "./model";
import { type PackLaunch, type PackProcess, startPack } from "./pack-process";
import { analyzerGrpc, analyzerPb, Empty, grpc, Struct } from "./proto";
import {
    delimitedField,
    encodeStruct,
    hasInternalKeys,
    maxPropertyDepth,
    PropertyDepthError,
    withEncodedFields,
} from "./wire-encoding";

export type Severity = "low" | "medium" | "high" | "critical" | "unspecified";

export interface PolicyInfoView {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly kind: "resource" | "stack";
    readonly severity: Severity;
    readonly framework?: { name: string; version: string; reference: string; specification: string };
    readonly tags: readonly string[];
    readonly remediationSteps: string;
    readonly url: string;
    readonly configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

export interface AnalyzerInfoView {
    readonly name: string;
    readonly version: string;
    readonly supportsConfig: boolean;
    readonly policies: readonly PolicyInfoView[];
    readonly initialConfig: PolicyConfigFile;
}

export interface Diagnostic {
    readonly policy: string;
    readonly packName: string;
    readonly packVersion: string;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    /** The policy could not decide during preview because a value it needs is unknown. */
    readonly undecided: boolean;
    /** Raised by a stack policy (AnalyzeStack) rather than a resource policy (Analyze). */
    readonly fromStack: boolean;
}

/**
 * A policy the pack said does not apply: to one resource (Analyze, `urn` set) or to the whole stack
 * (AnalyzeStack, `urn` empty), as the `not_applicable` list of the engine's AnalyzeResponse carries it.
 */
export interface NotApplicable {
    readonly policy: string;
    readonly urn: string;
    readonly reason: string;
    readonly fromStack: boolean;
}

export interface RunInput {
    readonly resources: readonly ResourceSnapshot[];
    readonly dryRun: boolean;
    readonly stackTags?: Readonly<Record<string, string>>;
    readonly config?: Readonly<Record<string, string>>;
    readonly policyConfig?: PolicyConfigFile;
    readonly policyConfigOrigin?: string;
    /** Called after each resource is analyzed, for progress on long runs. */
    readonly onProgress?: (done: number, total: number) => void;
    /** Deadline of each call to the pack, in milliseconds (default: `defaultCallTimeoutMs()`). */
    readonly callTimeoutMs?: number;
    /**
     * Scrub secret values from messages (default). Tests turn it off to check the pack's own messages,
     * which is what `pulumi preview --policy-pack` prints: the engine does not scrub them.
     */
    readonly scrubSecrets?: boolean;
    /**
     * Resources whose Remediate + Analyze calls are in flight at once (default 4). The pack answers
     * each call on its own, so results do not depend on it; overlapping the harness's encoding with
     * the pack's work keeps both cores busy. 1 sends them one at a time, as the engine does.
     */
    readonly concurrency?: number;
}

const defaultConcurrency = 4;

/**
 * `work` over `items` with at most `limit` in flight, results in the items' order. After a failure
 * no new item starts; once those in flight settle, the failure of the earliest item is thrown, the
 * same one a loop one item at a time would have met first.
 */
async function inFlight<T, R>(
    items: readonly T[],
    limit: number,
    work: (item: T) => Promise<R>,
    onDone: (done: number) => void,
): Promise<R[]> {
    const results: R[] = new Array(items.length);
    const failures = new Map<number, unknown>();
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < items.length && failures.size === 0) {
            const i = next++;
            try {
                results[i] = await work(items[i] as T);
                done++;
                onDone(done);
            } catch (e) {
                failures.set(i, e);
            }
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (failures.size > 0) {
        throw failures.get(Math.min(...failures.keys()));
    }
    return results;
}

/** Every call to the pack has a deadline: 120 s, or `AIGUARD_PACK_CALL_TIMEOUT` seconds. */
export function defaultCallTimeoutMs(): number {
    const fromEnv = Number(process.env.AIGUARD_PACK_CALL_TIMEOUT);
    return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv * 1000 : 120_000;
}

/** A call to the pack that failed or did not answer in time, with what it was about. */
export class PackCallError extends Error {
    override readonly name = "PackCallError";
    constructor(
        readonly method: string,
        readonly subject: string,
        readonly code: number | undefined,
        readonly details: string,
    ) {
        super(`${method}${subject ? ` of ${subject}` : ""}: ${details}`);
    }
}

export interface RunResult {
    readonly diagnostics: readonly Diagnostic[];
    /** Every policy the pack reported as not applicable, per resource and for the stack. */
    readonly notApplicable: readonly NotApplicable[];
    /** The resources sent to Analyze (external resources are not), in order. */
    readonly analyzedUrns: readonly string[];
    /** Resources sent to Analyze one by one. */
    readonly resourcesEvaluated: number;
    readonly config: ReadonlyMap<string, ReconciledPolicyConfig>;
    readonly mandatory: number;
    readonly advisory: number;
    readonly undecided: number;
    /** Wall time of the per-resource Remediate + Analyze calls, and of AnalyzeStack. */
    readonly timings: { readonly analyzeMs: number; readonly stackMs: number };
}

const levelNames: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const levelNumbers: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const severityNames: Record<number, Severity> = { 0: "unspecified", 1: "low", 2: "medium", 3: "high", 4: "critical" };

// biome-ignore lint/suspicious/noExplicitAny: generated gRPC client methods are untyped here.
type Client = any;

const rpcNames: Record<string, string> = {
    handshake: "Handshake",
    configureStack: "ConfigureStack",
    getAnalyzerInfo: "GetAnalyzerInfo",
    configure: "Configure",
    remediate: "Remediate",
    analyze: "Analyze",
    analyzeStack: "AnalyzeStack",
};

/** One call to the pack, with a deadline; `subject` names the resource(s) in errors. */
function call<Req, Res>(client: Client, method: string, req: Req, timeoutMs: number, subject = ""): Promise<Res> {
    const rpc = rpcNames[method] ?? method;
    return new Promise((resolve, reject) => {
        client[method](req, { deadline: Date.now() + timeoutMs }, (err: grpcTypes.ServiceError | null, res: Res) => {
            if (!err) {
                resolve(res);
                return;
            }
            const details =
                err.code === grpc.status.DEADLINE_EXCEEDED
                    ? `the policy pack did not answer within ${Math.round(timeoutMs / 1000)} s (set AIGUARD_PACK_CALL_TIMEOUT to allow longer)`
                    : err.details || err.message || "failed";
            reject(new PackCallError(rpc, subject, err.code, details));
        });
    });
}

/** The properties of one resource as the engine marshals them: a Struct, internal keys skipped or kept. */
function propertiesField(fieldNumber: number, props: WireObject, skipInternalKeys: boolean, urn: string): Buffer {
    try {
        return delimitedField(fieldNumber, encodeStruct(props, skipInternalKeys));
    } catch (e) {
        if (e instanceof PropertyDepthError) {
            throw new InputError(urn, `property values are nested deeper than ${maxPropertyDepth} levels`);
        }
        throw e;
    }
}

function resourceOptions(r: ResourceSnapshot) {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setIgnorechangesList([...(r.ignoreChanges ?? [])]);
    o.setDeletebeforereplace(r.deleteBeforeReplace ?? false);
    o.setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined);
    o.setAdditionalsecretoutputsList([...(r.additionalSecretOutputs ?? [])]);
    o.setAliasesList([...(r.aliases ?? [])]);
    if (r.customTimeouts) {
        const t = new analyzerPb.AnalyzerResourceOptions.CustomTimeouts();
        t.setCreate(r.customTimeouts.create ?? 0);
        t.setUpdate(r.customTimeouts.update ?? 0);
        t.setDelete(r.customTimeouts.delete ?? 0);
        o.setCustomtimeouts(t);
    }
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function providerResource(r: ResourceSnapshot, byUrn: ReadonlyMap<string, ResourceSnapshot>) {
    if (!r.provider) {
        return undefined;
    }
    const sep = r.provider.lastIndexOf("::");
    const urn = sep > 0 ? r.provider.slice(0, sep) : r.provider;
    const p = byUrn.get(urn);
    if (!p) {
        return undefined;
    }
    const pr = new analyzerPb.AnalyzerProviderResource();
    pr.setType(p.type);
    pr.setUrn(p.urn);
    pr.setName(p.name);
    return withEncodedFields(pr, [propertiesField(2, p.inputs, true, p.urn)]);
}

/** A message field that holds a nested message which serializes itself (see withEncodedFields). */
function messageField(fieldNumber: number, message: { serializeBinary(): Uint8Array }): Buffer {
    return delimitedField(fieldNumber, message.serializeBinary());
}

function analyzeRequest(
    r: ResourceSnapshot,
    props: WireObject,
    byUrn: ReadonlyMap<string, ResourceSnapshot>,
    skipInternalKeys: boolean,
) {
    // Properties (field 2) and provider (field 6) are encoded by hand: linear in any nesting.
    const req = new analyzerPb.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setOptions(resourceOptions(r));
    const extra = [propertiesField(2, props, skipInternalKeys, r.urn)];
    const provider = providerResource(r, byUrn);
    if (provider) {
        extra.push(messageField(6, provider));
    }
    return withEncodedFields(req, extra);
}

/** The bytes of one AnalyzerResource of AnalyzeStack (properties and provider encoded by hand). */
function stackResource(r: ResourceSnapshot, byUrn: ReadonlyMap<string, ResourceSnapshot>): Buffer {
    const res = new analyzerPb.AnalyzerResource();
    res.setType(r.type);
    res.setUrn(r.urn);
    res.setName(r.name);
    res.setOptions(resourceOptions(r));
    const extra = [propertiesField(2, r.outputs, true, r.urn)];
    const provider = providerResource(r, byUrn);
    if (provider) {
        extra.push(messageField(6, provider));
    }
    if (r.parent) {
        res.setParent(r.parent);
    }
    res.setDependenciesList([...r.dependencies]);
    const pdMap = res.getPropertydependenciesMap();
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new analyzerPb.AnalyzerPropertyDependencies();
        pd.setUrnsList([...urns]);
        pdMap.set(k, pd);
    }
    return Buffer.concat([Buffer.from(res.serializeBinary()), ...extra]);
}

function collectSecretStrings(v: WireValue | undefined, inSecret: boolean, out: Set<string>): void {
    if (v === null || v === undefined) {
        return;
    }
    if (typeof v === "string") {
        if (inSecret && v.length >= 3) {
            out.add(v);
        }
        return;
    }
    if (typeof v === "number" || typeof v === "boolean") {
        if (inSecret) {
            out.add(String(v));
        }
        return;
    }
    if (Array.isArray(v)) {
        for (const e of v) {
            collectSecretStrings(e, inSecret, out);
        }
        return;
    }
    const secretNow = inSecret || isSecret(v);
    for (const e of Object.values(v)) {
        collectSecretStrings(e, secretNow, out);
    }
}

/** Replaces any secret value that appears in a message. Longest first, so parts of secrets go too. */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
    let out = message;
    for (const s of secrets) {
        if (s.length >= 3 && out.includes(s)) {
            out = out.split(s).join("[secret]");
        }
    }
    return out;
}

const undecidedPattern = /^can't run policy '[^']+' from policy pack '[^']+' during preview: /;

export function isUndecidedMessage(message: string): boolean {
    return undecidedPattern.test(message);
}

function policyInfoView(p: InstanceType<typeof analyzerPb.PolicyInfo>): PolicyInfoView {
    const fw = p.getFramework();
    const schema = p.getConfigschema();
    return {
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel: levelNames[p.getEnforcementlevel()] ?? "advisory",
        kind: p.getPolicyType() === analyzerPb.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
        severity: severityNames[p.getSeverity()] ?? "unspecified",
        ...(fw
            ? {
                  framework: {
                      name: fw.getName(),
                      version: fw.getVersion(),
                      reference: fw.getReference(),
                      specification: fw.getSpecification(),
                  },
              }
            : {}),
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        ...(schema
            ? {
                  configSchema: {
                      properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
                      required: schema.getRequiredList(),
                  },
              }
            : {}),
    };
}

/** One running policy pack, driven as the engine drives it. Reusable across runs. */
export class PackSession {
    private constructor(
        private readonly launch: PackLaunch,
        private readonly pack: PackProcess,
        private readonly client: Client,
        readonly info: AnalyzerInfoView,
    ) {}

    get startMs(): number {
        return this.pack.startMs;
    }

    get pid(): number {
        return this.pack.pid;
    }

    /** What the pack printed besides the port (its logs and errors). */
    packOutput(): string {
        return this.pack.output();
    }

    static async open(launch: PackLaunch): Promise<PackSession> {
        return PackSession.attach(launch, await startPack(launch));
    }

    /**
     * Drives a pack that is already serving, e.g. one served inside the test process so that mutation
     * testing reaches the policy modules it instruments. Closing the session closes `pack`.
     */
    static async attach(launch: PackLaunch, pack: PackProcess): Promise<PackSession> {
        let client: Client;
        try {
            client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure(), {
                "grpc.max_receive_message_length": 400 * 1024 * 1024,
                "grpc.max_send_message_length": 400 * 1024 * 1024,
            });
            await PackSession.handshake(client, launch);
            const infoPb = await call<unknown, InstanceType<typeof analyzerPb.AnalyzerInfo>>(
                client,
                "getAnalyzerInfo",
                new Empty(),
                launch.callTimeoutMs ?? defaultCallTimeoutMs(),
            );
            const initialConfig: PolicyConfigFile = {};
            infoPb.getInitialconfigMap().forEach((v: InstanceType<typeof analyzerPb.PolicyConfig>, k: string) => {
                initialConfig[k] = {
                    enforcementLevel: levelNames[v.getEnforcementlevel()],
                    ...((v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>),
                };
            });
            const info: AnalyzerInfoView = {
                name: infoPb.getName(),
                version: infoPb.getVersion(),
                supportsConfig: infoPb.getSupportsconfig(),
                policies: infoPb.getPoliciesList().map(policyInfoView),
                initialConfig,
            };
            return new PackSession(launch, pack, client, info);
        } catch (e) {
            client?.close();
            await pack.close();
            throw e;
        }
    }

    private static async handshake(client: Client, launch: PackLaunch): Promise<void> {
        const req = new analyzerPb.AnalyzerHandshakeRequest();
        req.setEngineAddress("127.0.0.1:1");
        req.setRootDirectory(launch.packDir);
        req.setProgramDirectory(launch.packDir);
        try {
            await call(client, "handshake", req, launch.callTimeoutMs ?? defaultCallTimeoutMs());
        } catch (e) {
            // Packs built on @pulumi/policy do not implement Handshake; the engine falls back silently.
            if ((e as grpcTypes.ServiceError).code !== grpc.status.UNIMPLEMENTED) {
                throw e;
            }
        }
    }

    async run(input: RunInput): Promise<RunResult> {
        const byUrn = new Map(input.resources.map((r) => [r.urn, r] as const));
        const root = input.resources.find((r) => r.type === "pulumi:pulumi:Stack");

        const stackReq = new analyzerPb.AnalyzerStackConfigureRequest();
        stackReq.setStack(this.launch.stack);
        stackReq.setProject(this.launch.project);
        stackReq.setOrganization(this.launch.organization ?? "organization");
        stackReq.setDryRun(input.dryRun);
        for (const [k, v] of Object.entries(input.stackTags ?? {})) {
            stackReq.getTagsMap().set(k, v);
        }
        for (const [k, v] of Object.entries(input.config ?? {})) {
            stackReq.getConfigMap().set(k, v);
        }
        const timeoutMs = input.callTimeoutMs ?? this.launch.callTimeoutMs ?? defaultCallTimeoutMs();
        await call(this.client, "configureStack", stackReq, timeoutMs);

        const reconciled = reconcilePolicyConfig(
            this.info.policies,
            this.info.initialConfig,
            input.policyConfig,
            input.policyConfigOrigin,
        );
        const configureReq = new analyzerPb.ConfigureAnalyzerRequest();
        for (const [name, c] of reconciled) {
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(levelNumbers[c.enforcementLevel] as never);
            pc.setProperties(Struct.fromJavaScript(c.properties) as never);
            configureReq.getPolicyconfigMap().set(name, pc);
        }
        await call(this.client, "configure", configureReq, timeoutMs);

        // A resource diagnostic is scrubbed of that resource's secrets; a stack diagnostic of every secret.
        const secretsOf = (r: ResourceSnapshot): string[] => {
            const found = new Set<string>();
            collectSecretStrings(r.inputs, false, found);
            collectSecretStrings(r.outputs, false, found);
            return [...found];
        };
        const bySecretLength = (a: string, b: string) => b.length - a.length;
        const resourceSecrets = new Map(
            input.resources.map((r) => [r.urn, secretsOf(r).sort(bySecretLength)] as const),
        );
        const allSecrets = [...new Set([...resourceSecrets.values()].flat())].sort(bySecretLength);

        const diagnostics: Diagnostic[] = [];
        const notApplicable: NotApplicable[] = [];
        const collectNotApplicable = (
            res: InstanceType<typeof analyzerPb.AnalyzeResponse>,
            urn: string,
            fromStack: boolean,
        ): void => {
            for (const na of res.getNotApplicableList()) {
                notApplicable.push({ policy: na.getPolicyName(), urn, reason: na.getReason(), fromStack });
            }
        };
        const toDiagnostic = (
            d: InstanceType<typeof analyzerPb.AnalyzeDiagnostic>,
            target: ResourceSnapshot | undefined,
            fromStack: boolean,
        ): Diagnostic => {
            const secrets = fromStack ? allSecrets : (resourceSecrets.get(target?.urn ?? "") ?? []);
            const message = input.scrubSecrets === false ? d.getMessage() : scrubSecrets(d.getMessage(), secrets);
            return {
                policy: d.getPolicyname(),
                packName: d.getPolicypackname(),
                packVersion: d.getPolicypackversion(),
                urn: target?.urn ?? "",
                type: target?.type ?? "",
                name: target?.name ?? "",
                message,
                enforcementLevel: levelNames[d.getEnforcementlevel()] ?? "advisory",
                severity: severityNames[d.getSeverity()] ?? "unspecified",
                undecided: isUndecidedMessage(message),
                fromStack,
            };
        };

        const analyzed = input.resources.filter((r) => !r.external);
        const analyzeStarted = process.hrtime.bigint();
        const analyzeOne = async (r: ResourceSnapshot) => {
            let props = r.inputs;
            // Remediate sees internal keys and Analyze does not (at any depth, as the engine marshals);
            // without any, one request serves both.
            const internal = hasInternalKeys(props);
            const remediateReq = analyzeRequest(r, props, byUrn, false);
            const remediation = await call<unknown, InstanceType<typeof analyzerPb.RemediateResponse>>(
                this.client,
                "remediate",
                remediateReq,
                timeoutMs,
                r.urn,
            );
            let analyzeReq = internal ? analyzeRequest(r, props, byUrn, true) : remediateReq;
            for (const rem of remediation.getRemediationsList()) {
                const changed = rem.getProperties()?.toJavaScript();
                if (changed) {
                    props = changed as WireObject;
                    analyzeReq = analyzeRequest(r, props, byUrn, true);
                }
            }
            const res = await call<unknown, InstanceType<typeof analyzerPb.AnalyzeResponse>>(
                this.client,
                "analyze",
                analyzeReq,
                timeoutMs,
                r.urn,
            );
            return res;
        };
        const responses = await inFlight(analyzed, input.concurrency ?? defaultConcurrency, analyzeOne, (done) =>
            input.onProgress?.(done, analyzed.length),
        );
        // Gathered in resource order, whatever order the answers came in.
        analyzed.forEach((r, i) => {
            const res = responses[i] as InstanceType<typeof analyzerPb.AnalyzeResponse>;
            for (const d of res.getDiagnosticsList()) {
                // The engine attributes Analyze diagnostics to the analyzed resource.
                diagnostics.push(toDiagnostic(d, r, false));
            }
            collectNotApplicable(res, r.urn, false);
        });

        const analyzeMs = Number(process.hrtime.bigint() - analyzeStarted) / 1e6;
        const stackStarted = process.hrtime.bigint();
        const stackReqAll = withEncodedFields(
            new analyzerPb.AnalyzeStackRequest(),
            input.resources.map((r) => delimitedField(1, stackResource(r, byUrn))),
        );
        const stackRes = await call<unknown, InstanceType<typeof analyzerPb.AnalyzeResponse>>(
            this.client,
            "analyzeStack",
            stackReqAll,
            timeoutMs,
            `the stack (${input.resources.length} resources)`,
        );
        for (const d of stackRes.getDiagnosticsList()) {
            // A stack diagnostic names its resource when that resource is in the stack; otherwise the root stack.
            const target = byUrn.get(d.getUrn()) ?? root;
            diagnostics.push(toDiagnostic(d, target, true));
        }
        collectNotApplicable(stackRes, "", true);

        const stackMs = Number(process.hrtime.bigint() - stackStarted) / 1e6;
        const decided = diagnostics.filter((d) => !d.undecided);
        return {
            timings: { analyzeMs, stackMs },
            diagnostics,
            notApplicable,
            analyzedUrns: analyzed.map((r) => r.urn),
            resourcesEvaluated: analyzed.length,
            config: reconciled,
            mandatory: decided.filter((d) => d.enforcementLevel === "mandatory").length,
            advisory: decided.filter((d) => d.enforcementLevel === "advisory").length,
            undecided: diagnostics.length - decided.length,
        };
    }

    async close(): Promise<void> {
        try {
            this.client.close();
        } finally {
            await this.pack.close();
        }
    }
}

// What @pulumi/policy says when it cannot turn a request's properties back into values: the error
// then names whichever policy happened to run first, which is not the cause.
const decodeFailure = /when unmarshaling resource property|Unrecognized signature|Error deserializing request/;

/** One line for a failed call: the call, the resource, and the policy only when a policy failed. */
export function packFailure(e: unknown, packDir: string): unknown {
    if (!(e instanceof PackCallError)) {
        return e;
    }
    const lines = e.details.split("\n").map((l) => l.trim());
    const where = `${e.method}${e.subject ? ` of ${e.subject}` : ""}`;
    if (e.code === grpc.status.DEADLINE_EXCEEDED) {
        return new InputError(packDir, `policy pack failed: ${where}: ${lines[0]}`);
    }
    const cause = lines.find((l) => decodeFailure.test(l));
    if (cause) {
        return new InputError(
            packDir,
            `policy pack failed: ${where}: the pack could not decode the request (${cause.replace(/^Error: /, "")})`,
        );
    }
    // The first line names the policy that threw; the next non-frame line says what it threw.
    const thrown = lines.slice(1).find((l) => l.length > 0 && !l.startsWith("at "));
    const first = (lines[0] ?? "").replace(/:$/, "");
    return new InputError(
        packDir,
        `policy pack failed: ${first}${thrown ? `: ${thrown.slice(0, 300)}` : ""} (${where})`,
    );
}

/** Opens a pack, runs once, closes it whatever happens. */
export async function analyzeOnce(
    launch: PackLaunch,
    input: RunInput,
): Promise<{ info: AnalyzerInfoView; result: RunResult; startMs: number }> {
    let session: PackSession;
    try {
        session = await PackSession.open(launch);
    } catch (e) {
        throw packFailure(e, launch.packDir);
    }
    try {
        const result = await session.run(input);
        return { info: session.info, result, startMs: session.startMs };
    } catch (e) {
        throw packFailure(e, launch.packDir);
    } finally {
        await session.close();
    }
}
