// A stored column profile's summary statistics, read defensively: the server keeps them as JSON.

export interface NumericalSummary {
  kind: 'numerical';
  mean: number | null;
  std: number | null;
  min: number | null;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export interface CategoricalSummary {
  kind: 'categorical';
  distinct: number | null;
  /** Most common values, with counts within the stored sample. */
  top: { value: string; count: number }[];
}

// JSON has no NaN: the stats of an empty column come back as null, which is "unknown" here too.
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Summary statistics of one column for display, whatever shape the stored JSON has. */
export function columnSummary(kind: string, stats: Record<string, unknown> | null | undefined): NumericalSummary | CategoricalSummary {
  const s = stats ?? {};
  if (kind === 'numerical') {
    return { kind, mean: num(s.mean), std: num(s.std), min: num(s.min), p50: num(s.p50), p95: num(s.p95), max: num(s.max) };
  }
  const top = Array.isArray(s.top)
    ? s.top.flatMap((t: unknown) => {
        if (typeof t !== 'object' || t === null) return [];
        const { value, count } = t as { value?: unknown; count?: unknown };
        return typeof count === 'number' && value !== undefined ? [{ value: String(value), count }] : [];
      })
    : [];
  return { kind: 'categorical', distinct: num(s.distinct), top };
}

/** Each top value's share of the counted values, when the top list covers every distinct value. */
export function columnTopShares(summary: CategoricalSummary): { value: string; count: number; share: number | null }[] {
  const total = summary.top.reduce((n, t) => n + t.count, 0);
  const complete = summary.distinct !== null && summary.top.length === summary.distinct && total > 0;
  return summary.top.map((t) => ({ ...t, share: complete ? t.count / total : null }));
}

/** "12.4%" of missing cells; "0%" only when none are missing. */
export function columnMissingShare(missing: number, rows: number): string {
  if (rows <= 0 || missing <= 0) return '0%';
  const pct = (missing / rows) * 100;
  return pct < 0.1 ? '<0.1%' : `${Number(pct.toPrecision(3))}%`;
}
