// Which two dataset versions the drift view compares: from the URL, else a sensible default.
import { datasetCount, datasetLabel } from './dataset-format';

export interface DriftCandidate {
  id: number;
  name: string;
  digest: string;
  profiledAt: number | null;
  createdAt: number;
  runCount: number;
  rowCount: number | null;
}

export interface DriftPair {
  referenceId: number;
  currentId: number;
}

const TRAIN_SUFFIX = /[-_.]train(ing)?$/i;

const newestFirst = (a: DriftCandidate, b: DriftCandidate) => b.createdAt - a.createdAt || b.id - a.id;

/**
 * Training data is the usual baseline, and the newest sibling (same name stem, e.g.
 * churn-scoring beside churn-train) is what the model sees now. Without such a pair,
 * the first two profiled versions in list order.
 */
export function driftDefaultPair(datasets: readonly DriftCandidate[]): DriftPair | null {
  const profiled = datasets.filter((d) => d.profiledAt !== null);
  const trains = profiled.filter((d) => TRAIN_SUFFIX.test(d.name)).sort((a, b) => b.runCount - a.runCount || newestFirst(a, b));
  for (const train of trains) {
    const stem = train.name.replace(TRAIN_SUFFIX, '');
    const siblings = profiled.filter((d) => d.name !== train.name && d.name.startsWith(stem) && /^[-_.]/.test(d.name.slice(stem.length)));
    const current = siblings.sort(newestFirst)[0];
    if (current) return { referenceId: train.id, currentId: current.id };
  }
  const [first, second] = profiled;
  return first && second ? { referenceId: first.id, currentId: second.id } : null;
}

/** The pair to show: the URL's choices, with whichever is missing filled from the default. */
export function driftResolvePair(urlRef: number | null, urlCur: number | null, fallback: DriftPair | null): { referenceId: number | null; currentId: number | null } {
  if (urlRef !== null && urlCur !== null) return { referenceId: urlRef, currentId: urlCur };
  if (!fallback) return { referenceId: urlRef, currentId: urlCur };
  const { referenceId: r, currentId: c } = fallback;
  if (urlRef !== null) return { referenceId: urlRef, currentId: c !== urlRef ? c : r };
  if (urlCur !== null) return { referenceId: r !== urlCur ? r : c, currentId: urlCur };
  return fallback;
}

export interface DriftOption {
  id: number;
  label: string;
  disabled: boolean;
}

/** Select options grouped by dataset name (first-seen order), newest version first. */
export function driftSelectGroups(datasets: readonly DriftCandidate[]): { name: string; options: DriftOption[] }[] {
  const groups = new Map<string, DriftCandidate[]>();
  for (const d of datasets) groups.set(d.name, [...(groups.get(d.name) ?? []), d]);
  return [...groups].map(([name, versions]) => ({
    name,
    options: [...versions].sort(newestFirst).map((d) => ({
      id: d.id,
      label: `${datasetLabel(d)} · ${d.profiledAt === null ? 'no profile stored' : `${datasetCount(d.rowCount)} rows`}`,
      disabled: d.profiledAt === null,
    })),
  }));
}

/** The pair after putting `id` on one side; if the other side already holds it, the two swap. */
export function driftPairSet(
  pair: { referenceId: number | null; currentId: number | null },
  side: 'reference' | 'current',
  id: number,
): { ref: number | null; cur: number | null } {
  const { referenceId: r, currentId: c } = pair;
  return side === 'reference' ? { ref: id, cur: c === id ? r : c } : { ref: r === id ? c : r, cur: id };
}
