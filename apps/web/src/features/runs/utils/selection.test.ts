import { describe, expect, it } from 'vitest';
import { selectionAllState, selectionClick, selectionOrdered, selectionToggleAll } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('selectionClick', () => {
  it('toggles one row without shift', () => {
    const once = selectionClick(new Set(), ids, 2, null, false);
    expect([...once]).toEqual(['c']);
    expect([...selectionClick(once, ids, 2, 2, false)]).toEqual([]);
  });

  it('selects the range from the anchor with shift, in either direction', () => {
    expect([...selectionClick(new Set(['b']), ids, 4, 1, true)].sort()).toEqual(['b', 'c', 'd', 'e']);
    expect([...selectionClick(new Set(['d']), ids, 0, 3, true)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clears the range when the shift-clicked row was selected', () => {
    const all = new Set(ids);
    expect([...selectionClick(all, ids, 3, 1, true)]).toEqual(['a', 'e']);
  });

  it('treats shift without an anchor as a plain click', () => {
    expect([...selectionClick(new Set(), ids, 3, null, true)]).toEqual(['d']);
  });
});

describe('select all', () => {
  it('reports none, some and all of the loaded rows', () => {
    expect(selectionAllState(new Set(), ids)).toBe('none');
    expect(selectionAllState(new Set(['a']), ids)).toBe('some');
    expect(selectionAllState(new Set(ids), ids)).toBe('all');
    expect(selectionAllState(new Set(['x']), [])).toBe('none');
  });

  it('selects every loaded row, then clears them, keeping rows from elsewhere', () => {
    const some = selectionToggleAll(new Set(['x', 'a']), ids);
    expect(some.size).toBe(6);
    expect([...selectionToggleAll(some, ids)]).toEqual(['x']);
  });
});

describe('selectionOrdered', () => {
  it('lists selected rows in table order, then ones not loaded', () => {
    expect(selectionOrdered(new Set(['zz', 'd', 'a']), ids)).toEqual(['a', 'd', 'zz']);
  });
});
