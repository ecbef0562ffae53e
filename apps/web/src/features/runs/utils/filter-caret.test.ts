import { expect, it } from 'vitest';
import { filterCaretSnippet } from './filter-caret';

it('marks the character at the 1-based column', () => {
  expect(filterCaretSnippet('a = ', 3)).toEqual({ before: 'a ', at: '=', after: ' ' });
});

it('marks a blank just past the end when the parser wanted more', () => {
  expect(filterCaretSnippet('status =', 9)).toEqual({ before: 'status =', at: ' ', after: '' });
});

it('cuts long text around the column, keeping the caret aligned with what is shown', () => {
  const text = `${'x'.repeat(100)}!${'y'.repeat(100)}`;
  const s = filterCaretSnippet(text, 101);
  expect(s.at).toBe('!');
  expect(s.before.startsWith('…')).toBe(true);
  expect(s.after.endsWith('…')).toBe(true);
});
