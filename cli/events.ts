// Reads the engine event log that `pulumi preview --policy-pack … --event-log FILE` writes: one JSON
// engine event per line, a union where exactly one `…Event` field is set (pulumi/pulumi,
// sdk/go/common/apitype/events.go). What a report needs is kept: policy violations, the per-resource
// and per-stack policy summaries (which policies passed), the resources the preview planned, the
// config of the prelude and the packs of the summary. Other kinds of events are skipped.
import * as fs from "node:fs";
import { InputError } from "../harness/errors";

export type EventLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** One `policyEvent`: a diagnostic of one policy, on one resource or (no URN) on the stack. */
export interface PolicyViolation {
    readonly urn: string;
    readonly policy: string;
    readonly packName: string;
    readonly packVersion: string;
    readonly enforcementLevel: EventLevel;
    /** The pack's message, without the engine's colour markup. */
    readonly message: string;
}

/** `policyAnalyzeSummaryEvent` (one resource) or `policyAnalyzeStackSummaryEvent` (urn empty). */
export interface PolicySummary {
    readonly urn: string;
    readonly packName: string;
    readonly packVersion: string;
    readonly passed: readonly string[];
    readonly failed: readonly string[];
}

/** A resource as a step event describes it: its new state, or its old one when it is deleted. */
export interface PlannedResource {
    readonly urn: string;
    readonly type: string;
    readonly parent?: string;
    /** Secrets are already filtered out by the engine. */
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly outputs: Readonly<Record<string, unknown>>;
}

export interface EventLog {
    readonly file: string;
    readonly violations: readonly PolicyViolation[];
    readonly summaries: readonly PolicySummary[];
    /** Resources the engine stepped through (resourcePreEvent), in order, first sighting kept. */
    readonly resources: readonly PlannedResource[];
    readonly config: Readonly<Record<string, string>>;
    /** Pack name → version, from the summary event. */
    readonly packs: Readonly<Record<string, string>>;
    readonly isPreview?: boolean;
    /** Unix seconds of the first and last event. */
    readonly startedAt?: number;
    readonly endedAt?: number;
    readonly eventCount: number;
}

/** The engine's colour directives (`<{%fg 3%}>`, `<{%reset%}>`) and any ANSI escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
const colourMarkup = /<\{%[^%]*%\}>|\u001b\[[0-9;]*m/g;

export function plainMessage(message: string): string {
    return message.replace(colourMarkup, "").replace(/\n+$/, "");
}

/**
 * The engine writes enforcement levels as `advisory`, `mandatory`, `remediate` or `disabled`; the
 * type's comment still names the older `warning` and `none`, so those are read too.
 */
function levelOf(value: unknown): EventLevel | undefined {
    switch (value) {
        case "advisory":
        case "warning":
            return "advisory";
        case "mandatory":
        case "remediate":
        case "disabled":
            return value;
        case "none":
            return "disabled";
        default:
            return undefined;
    }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

class LineError extends Error {}

function policyViolation(e: Json): PolicyViolation {
    const policy = str(e.policyName);
    const level = levelOf(e.enforcementLevel);
    if (policy === "" || str(e.policyPackName) === "") {
        throw new LineError("policyEvent without policyName or policyPackName");
    }
    if (!level) {
        throw new LineError(`policyEvent with an unknown enforcementLevel ${JSON.stringify(e.enforcementLevel)}`);
    }
    return {
        urn: str(e.resourceUrn),
        policy,
        packName: str(e.policyPackName),
        packVersion: str(e.policyPackVersion),
        enforcementLevel: level,
        message: plainMessage(str(e.message)),
    };
}

function summary(e: Json, urn: string): PolicySummary {
    return {
        urn,
        packName: str(e.policyPackName),
        packVersion: str(e.policyPackVersion),
        passed: strings(e.passed),
        failed: strings(e.failed),
    };
}

function plannedResource(m: Json): PlannedResource {
    const state = isObject(m.new) ? m.new : isObject(m.old) ? m.old : {};
    const parent = str(state.parent);
    return {
        urn: str(m.urn),
        type: str(m.type) || str(state.type),
        ...(parent ? { parent } : {}),
        inputs: isObject(state.inputs) ? state.inputs : {},
        outputs: isObject(state.outputs) ? state.outputs : {},
    };
}

export function parseEventLog(text: string, file: string): EventLog {
    const violations: PolicyViolation[] = [];
    const summaries: PolicySummary[] = [];
    const resources = new Map<string, PlannedResource>();
    let config: Record<string, string> = {};
    let packs: Record<string, string> = {};
    let isPreview: boolean | undefined;
    let startedAt: number | undefined;
    let endedAt: number | undefined;
    let eventCount = 0;
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).trim();
        if (line === "") {
            continue;
        }
        try {
            let event: unknown;
            try {
                event = JSON.parse(line);
            } catch (e) {
                throw new LineError(`not JSON (${(e as Error).message})`);
            }
            if (!isObject(event)) {
                throw new LineError("not an engine event (expected a JSON object)");
            }
            eventCount++;
            if (typeof event.timestamp === "number") {
                startedAt ??= event.timestamp;
                endedAt = event.timestamp;
            }
            if (isObject(event.policyEvent)) {
                violations.push(policyViolation(event.policyEvent));
            } else if (isObject(event.policyAnalyzeSummaryEvent)) {
                const e = event.policyAnalyzeSummaryEvent;
                summaries.push(summary(e, str(e.resourceUrn)));
            } else if (isObject(event.policyAnalyzeStackSummaryEvent)) {
                summaries.push(summary(event.policyAnalyzeStackSummaryEvent, ""));
            } else if (isObject(event.resourcePreEvent)) {
                const m = event.resourcePreEvent.metadata;
                if (isObject(m) && str(m.urn) !== "" && !resources.has(str(m.urn))) {
                    resources.set(str(m.urn), plannedResource(m));
                }
            } else if (isObject(event.preludeEvent)) {
                const c = event.preludeEvent.config;
                config = isObject(c)
                    ? (Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === "string")) as Record<
                          string,
                          string
                      >)
                    : {};
            } else if (isObject(event.summaryEvent)) {
                const s = event.summaryEvent;
                packs = isObject(s.PolicyPacks)
                    ? (Object.fromEntries(
                          Object.entries(s.PolicyPacks).filter(([, v]) => typeof v === "string"),
                      ) as Record<string, string>)
                    : {};
                isPreview = typeof s.isPreview === "boolean" ? s.isPreview : undefined;
            }
        } catch (e) {
            if (e instanceof LineError) {
                throw new InputError(`${file}:${i + 1}`, e.message);
            }
            throw e;
        }
    }
    return {
        file,
        violations,
        summaries,
        resources: [...resources.values()],
        config,
        packs,
        ...(isPreview !== undefined ? { isPreview } : {}),
        ...(startedAt !== undefined ? { startedAt } : {}),
        ...(endedAt !== undefined ? { endedAt } : {}),
        eventCount,
    };
}

export function readEventLog(file: string): EventLog {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(file, code === "ENOENT" ? "no such file" : `cannot read (${code})`);
    }
    const log = parseEventLog(text, file);
    if (log.eventCount === 0) {
        throw new InputError(file, "holds no engine events (write one with pulumi preview --event-log FILE)");
    }
    return log;
}

/** `urn:pulumi:STACK::PROJECT::a$b$TYPE::NAME` → its parts; only the name may itself hold `::`. */
export function urnParts(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    const parts = urn.split("::");
    const head = parts[0] ?? "";
    if (!head.startsWith("urn:pulumi:") || parts.length < 4) {
        return undefined;
    }
    const qualified = parts[2] as string;
    return {
        stack: head.slice("urn:pulumi:".length),
        project: parts[1] as string,
        type: qualified.slice(qualified.lastIndexOf("$") + 1),
        name: parts.slice(3).join("::"),
    };
}
