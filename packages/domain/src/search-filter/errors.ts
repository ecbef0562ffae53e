// The one error a filter can fail with: where the problem is, and what would have been accepted.
import type { Span } from './ast';

/** Longest token text quoted in a message; longer text is cut with an ellipsis. */
const QUOTE_MAX = 40;

/** A filter that cannot be parsed or breaks a type rule or limit. */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
  /** 0-based offset (UTF-16 units) where the offending text starts. */
  readonly position: number;
  /** 0-based offset just past the offending text, so a UI can underline it. */
  readonly end: number;
  /** 1-based line of `position`; `\n`, `\r\n` and `\r` end a line. */
  readonly line: number;
  /** 1-based column of `position`, in UTF-16 units like `position`. */
  readonly column: number;
  /** What would have been accepted here, when there is a short list. */
  declare readonly expected?: string[];

  constructor(message: string, input: string, span: Span, expected?: string[]) {
    super(message);
    this.position = span.start;
    this.end = Math.max(span.start, span.end);
    const { line, column } = filterLocate(input, span.start);
    this.line = line;
    this.column = column;
    if (expected) this.expected = expected;
  }
}

/** 1-based line and column of a 0-based offset. */
function filterLocate(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < input.length; i++) {
    const c = input[i];
    if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Builds an error whose message places "at column N" (or "at line L, column N" for
 * multi-line input) where the message template asks for it.
 */
export function filterError(
  input: string,
  span: Span,
  message: (at: string) => string,
  expected?: string[],
): FilterSyntaxError {
  return new FilterSyntaxError(message(`at ${filterWhere(input, span.start)}`), input, span, expected);
}

/** "column N" for one-line input, "line L, column N" otherwise. */
export function filterWhere(input: string, offset: number): string {
  const { line, column } = filterLocate(input, offset);
  return /[\r\n]/.test(input) ? `line ${line}, column ${column}` : `column ${column}`;
}

/** Token text quoted for a message (escaped, so control characters stay visible), or "end of input". */
export function filterQuote(text: string): string {
  if (text === '') return 'end of input';
  const cut = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
  return JSON.stringify(cut);
}
