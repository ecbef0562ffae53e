// How a dataset version is named on this page: name@digest, counts with thousands separators.

/** Digests are often long hashes; twelve characters tell versions apart on screen. */
export function datasetShortDigest(digest: string): string {
  return digest.length > 12 ? digest.slice(0, 12) : digest;
}

/** "churn-scoring@2026-11-01". */
export function datasetLabel(d: { name: string; digest: string }): string {
  return `${d.name}@${datasetShortDigest(d.digest)}`;
}

/** "182,340"; "—" when unknown. */
export function datasetCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en');
}

/** "1 run", "160 runs". */
export function datasetPlural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
