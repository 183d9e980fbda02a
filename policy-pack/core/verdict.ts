// The one verdict model every policy reports through. A policy reports what it sees about a resource
// (each failing setting, each value it could not read during preview); the rule that turns those
// reports into one verdict per (policy, resource) lives here and nowhere else:
//   - any failing setting: the resource fails, with every failing setting listed;
//   - otherwise, any value unknown during preview: undecided, named by the first such value;
//   - otherwise: pass.
// A failure is never hidden behind an unknown, and an unknown never becomes a failure.

import type { Finding } from "./definition";

export type Verdict =
    | { readonly kind: "pass" }
    | { readonly kind: "fail"; readonly findings: readonly Finding[] }
    | { readonly kind: "undecided"; readonly path: string };

/** Collects the reports of one policy about one resource. */
export class VerdictBuilder {
    private readonly findings: Finding[] = [];
    private firstUnknown: string | undefined;

    fail(finding: Finding): void {
        // The same setting reported twice (two code paths noticing one gap) is one finding.
        if (!this.findings.some((f) => f.setting === finding.setting && f.found === finding.found)) {
            this.findings.push(finding);
        }
    }

    undecided(path: string): void {
        this.firstUnknown ??= path;
    }

    verdict(): Verdict {
        if (this.findings.length > 0) {
            return { kind: "fail", findings: this.findings };
        }
        if (this.firstUnknown !== undefined) {
            return { kind: "undecided", path: this.firstUnknown };
        }
        return { kind: "pass" };
    }
}

/** Builders keyed by resource, in the order resources were first reported (stack policies). */
export class VerdictsByResource<R> {
    private readonly builders = new Map<R, VerdictBuilder>();

    of(resource: R): VerdictBuilder {
        let b = this.builders.get(resource);
        if (!b) {
            b = new VerdictBuilder();
            this.builders.set(resource, b);
        }
        return b;
    }

    *verdicts(): IterableIterator<[R, Verdict]> {
        for (const [r, b] of this.builders) {
            yield [r, b.verdict()];
        }
    }
}
