// Distribution overlays for the drift page: the reference and current samples of one
// column as shares over shared bins (numerical) or categories (categorical).

export interface DistributionOverlay {
  /** Bin labels: "[lo, hi)" ranges or category values; the last category may be "(other)". */
  labels: string[];
  /** Bin edges for numerical columns (labels.length + 1 of them); empty for categories. */
  edges: number[];
  ref: number[];
  cur: number[];
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** Shares of both samples over `bins` equal-width bins spanning both. */
export function overlayNumerical(ref: readonly number[], cur: readonly number[], bins = 24): DistributionOverlay {
  let lo = Infinity;
  let hi = -Infinity;
  for (const xs of [ref, cur]) for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!Number.isFinite(lo)) return { labels: [], edges: [], ref: [], cur: [] };
  if (lo === hi) hi = lo + 1;
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const shares = (xs: readonly number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const x of xs) counts[Math.min(bins - 1, Math.floor((x - lo) / width))]!++;
    return counts.map((c) => (xs.length ? c / xs.length : 0));
  };
  return { labels: edges.slice(0, -1).map((e, i) => `${fmt(e)} – ${fmt(edges[i + 1]!)}`), edges, ref: shares(ref), cur: shares(cur) };
}

/** Shares of the most common categories of both samples; the rest summed as "(other)". */
export function overlayCategorical(ref: readonly string[], cur: readonly string[], top = 15): DistributionOverlay {
  const count = (xs: readonly string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const r = count(ref);
  const c = count(cur);
  const share = (m: Map<string, number>, n: number, k: string) => (n ? (m.get(k) ?? 0) / n : 0);
  const keys = [...new Set([...r.keys(), ...c.keys()])].sort(
    (a, b) => share(r, ref.length, b) + share(c, cur.length, b) - (share(r, ref.length, a) + share(c, cur.length, a)) || (a < b ? -1 : 1),
  );
  const shown = keys.slice(0, top);
  const rest = keys.slice(top);
  const labels = [...shown, ...(rest.length ? ['(other)'] : [])];
  const sum = (m: Map<string, number>, n: number) => rest.reduce((s, k) => s + share(m, n, k), 0);
  return {
    labels,
    edges: [],
    ref: [...shown.map((k) => share(r, ref.length, k)), ...(rest.length ? [sum(r, ref.length)] : [])],
    cur: [...shown.map((k) => share(c, cur.length, k)), ...(rest.length ? [sum(c, cur.length)] : [])],
  };
}
