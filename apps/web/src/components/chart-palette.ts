// Run colours for charts: colour-blind-safe, and the same for a run wherever it is drawn.

/**
 * Tableau 10, with its yellow, pink and grey darkened so that thin lines on white
 * stay visible; the hues, which keep it colour-blind safe, are unchanged. Reordered so that
 * the first few, which most comparisons use, are far apart in hue.
 */
export const CHART_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#e15759',
  '#76b7b2',
  '#c9a227',
  '#9c755f',
  '#e8799a',
  '#8a817c',
] as const;

/**
 * A colour per run: the palette in order for a fresh comparison, so that a few runs
 * get the most distinct colours. Runs in `previous` keep theirs, so removing one run
 * from a comparison does not repaint the others. Past ten runs colours repeat.
 */
export function chartRunColours(runIds: readonly string[], previous?: ReadonlyMap<string, string>): Map<string, string> {
  const colours = new Map<string, string>();
  const used = new Set<string>();
  for (const id of runIds) {
    const kept = previous?.get(id);
    if (kept !== undefined && !used.has(kept) && !colours.has(id)) {
      colours.set(id, kept);
      used.add(kept);
    }
  }
  const free = CHART_PALETTE.filter((c) => !used.has(c));
  let next = 0;
  runIds.forEach((id, i) => {
    if (colours.has(id)) return;
    colours.set(id, free[next++] ?? CHART_PALETTE[i % CHART_PALETTE.length]!);
  });
  return colours;
}
