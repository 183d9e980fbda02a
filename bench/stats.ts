// Order statistics of timing samples.

/** The sample at quantile `q` (0..1) of the sorted samples; NaN without samples. */
export function percentile(samples: readonly number[], q: number): number {
    if (samples.length === 0) {
        return Number.NaN;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export function median(samples: readonly number[]): number {
    return percentile(samples, 0.5);
}
