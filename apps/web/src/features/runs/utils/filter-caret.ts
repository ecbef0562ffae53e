// The slice of a refused filter shown under the box, cut so the marked column stays in view.

export interface CaretSnippet {
  before: string;
  /** The character the parser stopped at (a space past the end of the text). */
  at: string;
  after: string;
}

const BEFORE = 60;
const AFTER = 40;

/** Text around the 1-based `column`, with "…" where it was cut. */
export function filterCaretSnippet(text: string, column: number): CaretSnippet {
  const i = Math.min(Math.max(column - 1, 0), text.length);
  const start = Math.max(0, i - BEFORE);
  const end = Math.min(text.length, i + 1 + AFTER);
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, i),
    at: text.slice(i, i + 1) || ' ',
    after: text.slice(i + 1, end) + (end < text.length ? '…' : ''),
  };
}
