// The text of a policy diagnostic. The engine carries only a message string from a policy to the
// CLI, the event log and every report, so the message has a fixed grammar that people read and the
// reports parse back into structured findings (`parseMessage`). Both directions live here.
//
//   one failing setting:   Bucket 'weights': versioning.enabled is false; expected true. Fix: …
//   several:               Workspace 'ws': 2 settings fail:
//                            - encryption.status is "Disabled"; expected "Enabled"
//                            - encryption.keyVaultProperties.keyIdentifier is not set; expected …
//                          Fix: …
//   waived:                Waived until 2027-03-31 by team-ml: "reason". <message>
//   waiver expired:        Waiver expired on 2026-10-01 (team-ml: "reason"). <message>

import type { Finding } from "./definition";

/** A short label for a resource type token: `aws:sagemaker/notebookInstance:NotebookInstance` → `NotebookInstance`. */
export function typeLabel(type: string): string {
    const parts = type.split(":");
    return parts[parts.length - 1] || type;
}

/**
 * Names and found values come from programs and state files. Control characters (newlines, escape
 * codes) are written as escapes so that no value can add lines or colours to a report.
 */
export function printable(text: string): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
        const json = JSON.stringify(c);
        return json.length > 3 ? json.slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    });
}

/** How long a found string may be in a message before it is cut. */
export const maxShownLength = 80;

/** A found string as messages show it: quoted as JSON, cut at `maxShownLength` characters. */
export function quoteFound(value: string): string {
    return value.length > maxShownLength
        ? `${JSON.stringify(value.slice(0, maxShownLength))}… (${value.length} characters)`
        : JSON.stringify(value);
}

function findingText(f: Finding): string {
    return `${printable(f.setting)} is ${printable(f.found)}; expected ${printable(f.expected)}`;
}

export function formatFailure(
    subject: { readonly type: string; readonly name: string },
    findings: readonly Finding[],
    fix: readonly string[],
): string {
    const head = `${typeLabel(subject.type)} '${printable(subject.name)}'`;
    const fixText = fix.join(" ");
    if (findings.length === 1) {
        return `${head}: ${findingText(findings[0] as Finding)}. Fix: ${fixText}`;
    }
    const lines = findings.map((f) => `  - ${findingText(f)}`);
    return `${head}: ${findings.length} settings fail:\n${lines.join("\n")}\nFix: ${fixText}`;
}

export interface WaiverMark {
    readonly status: "waived" | "expired";
    readonly expires: string;
    readonly owner: string;
    readonly reason: string;
}

export function formatWaived(mark: WaiverMark, message: string): string {
    const reason = JSON.stringify(printable(mark.reason));
    const owner = printable(mark.owner);
    return mark.status === "waived"
        ? `Waived until ${mark.expires} by ${owner}: ${reason}. ${message}`
        : `Waiver expired on ${mark.expires} (${owner}: ${reason}). ${message}`;
}

/**
 * A finding an allowlist entry of the policy's config accepts (an allowed AI-to-business flow): it
 * stays in reports, as advisory, with the justification the entry gives.
 *
 *   Allowed by config: "Nightly export to the ERP, reviewed by security". Subnet 'ml': …
 */
export function formatAllowed(justifications: readonly string[], message: string): string {
    const why = justifications.map((j) => JSON.stringify(printable(j))).join(", ");
    return `Allowed by config: ${why}. ${message}`;
}

export interface ParsedMessage {
    readonly typeLabel: string;
    readonly name: string;
    readonly findings: readonly Finding[];
    readonly fix: string;
    readonly waiver?: WaiverMark;
    /** Justifications of the allowlist entries that accept this finding (see `formatAllowed`). */
    readonly allowed?: readonly string[];
}

const quoted = String.raw`"(?:[^"\\]|\\.)*"`;
/**
 * `setting is found; expected expected`. A setting may be a phrase ("private connectivity") but
 * never holds " is "; a found value never holds `;` outside its quotes.
 */
const findingPattern = new RegExp(`^(.+?) is ((?:${quoted}|[^";])*?); expected (.+)$`, "s");
const waivedPattern = new RegExp(String.raw`^Waived until (\S+) by (.*?): (${quoted})\. `, "s");
const allowedPattern = new RegExp(String.raw`^Allowed by config: (${quoted}(?:, ${quoted})*)\. `, "s");
const expiredPattern = new RegExp(String.raw`^Waiver expired on (\S+) \((.*?): (${quoted})\)\. `, "s");

function parseFinding(text: string): Finding | undefined {
    const m = findingPattern.exec(text);
    return m ? { setting: m[1] as string, found: m[2] as string, expected: m[3] as string } : undefined;
}

function parseWaiver(message: string): { mark?: WaiverMark; rest: string } {
    for (const [pattern, status] of [
        [waivedPattern, "waived"],
        [expiredPattern, "expired"],
    ] as const) {
        const m = pattern.exec(message);
        if (m) {
            let reason = "";
            try {
                reason = JSON.parse(m[3] as string) as string;
            } catch {
                reason = m[3] as string;
            }
            return {
                mark: { status, expires: m[1] as string, owner: m[2] as string, reason },
                rest: message.slice(m[0].length),
            };
        }
    }
    return { rest: message };
}

/** Reads a message written by `formatFailure` (and maybe `formatWaived`) back; `undefined` for any other text. */
export function parseMessage(message: string): ParsedMessage | undefined {
    const allowedHead = allowedPattern.exec(message);
    if (allowedHead) {
        const inner = parseMessage(message.slice(allowedHead[0].length));
        const list = [...(allowedHead[1] as string).matchAll(new RegExp(quoted, "g"))].map(
            (m) => JSON.parse(m[0]) as string,
        );
        return inner ? { ...inner, allowed: list } : undefined;
    }
    const { mark, rest } = parseWaiver(message);
    const head = /^(\S+) '(.*?)': /s.exec(rest);
    if (!head) {
        return undefined;
    }
    const body = rest.slice(head[0].length);
    const base = { typeLabel: head[1] as string, name: head[2] as string, ...(mark ? { waiver: mark } : {}) };
    const many = /^(\d+) settings fail:\n([\s\S]*?)\nFix: ([\s\S]*)$/.exec(body);
    if (many) {
        const findings = (many[2] as string)
            .split("\n")
            .map((line) => parseFinding(line.replace(/^ {2}- /, "")))
            .filter((f): f is Finding => f !== undefined);
        return findings.length === Number(many[1]) ? { ...base, findings, fix: many[3] as string } : undefined;
    }
    const fixAt = body.lastIndexOf(". Fix: ");
    if (fixAt < 0) {
        return undefined;
    }
    const finding = parseFinding(body.slice(0, fixAt));
    return finding ? { ...base, findings: [finding], fix: body.slice(fixAt + ". Fix: ".length) } : undefined;
}
