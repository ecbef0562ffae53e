// Checkbox selection over a list of runs: single toggles, shift-click ranges, select all.

/**
 * The selection after clicking row `index`: with shift and an anchor, every row between
 * the anchor and the click takes the clicked row's new state, as in a file manager.
 */
export function selectionClick(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  anchor: number | null,
  shift: boolean,
): Set<string> {
  const id = ids[index];
  const next = new Set(selected);
  if (id === undefined) return next;
  const select = !selected.has(id);
  const from = shift && anchor !== null && anchor < ids.length ? Math.min(anchor, index) : index;
  const to = shift && anchor !== null && anchor < ids.length ? Math.max(anchor, index) : index;
  for (let i = from; i <= to; i++) {
    const rowId = ids[i];
    if (rowId === undefined) continue;
    if (select) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}

export type SelectAllState = 'none' | 'some' | 'all';

/** What the header checkbox shows for the loaded rows. */
export function selectionAllState(selected: ReadonlySet<string>, ids: readonly string[]): SelectAllState {
  if (ids.length === 0) return 'none';
  let n = 0;
  for (const id of ids) if (selected.has(id)) n++;
  return n === 0 ? 'none' : n === ids.length ? 'all' : 'some';
}

/** Header checkbox: selects every loaded row, or clears them when all are already selected. */
export function selectionToggleAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  if (selectionAllState(selected, ids) === 'all') ids.forEach((id) => next.delete(id));
  else ids.forEach((id) => next.add(id));
  return next;
}

/** Selected ids in table order, then any selected rows no longer loaded (e.g. filtered out). */
export function selectionOrdered(selected: ReadonlySet<string>, ids: readonly string[]): string[] {
  const inTable = ids.filter((id) => selected.has(id));
  const shown = new Set(inTable);
  return [...inTable, ...[...selected].filter((id) => !shown.has(id))];
}
