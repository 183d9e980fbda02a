// The timestamp OSCAL metadata requires. Reproducible builds set SOURCE_DATE_EPOCH (seconds since the
// epoch) so a regenerated document is byte-identical; otherwise it is the time of the run.
export function documentTime(now: Date = new Date()): string {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    if (epoch !== undefined && /^\d+$/.test(epoch.trim())) {
        return new Date(Number(epoch.trim()) * 1000).toISOString();
    }
    return now.toISOString();
}
