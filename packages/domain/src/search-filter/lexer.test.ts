import { describe, it, expect } from 'vitest';
import { FilterSyntaxError } from './errors';
import { filterLexer, type FilterToken } from './lexer';

function tokens(input: string): FilterToken[] {
  const read = filterLexer(input);
  const out: FilterToken[] = [];
  for (let t = read(); ; t = read()) {
    out.push(t);
    if (t.kind === 'end') return out;
  }
}

/** The one token of an input, without its span. */
function only(input: string): Record<string, unknown> {
  const [first, end] = tokens(input);
  expect(end?.kind).toBe('end');
  const { start: _start, end: _end, ...rest } = first ?? { start: 0, end: 0 };
  return rest;
}

function lexError(input: string): FilterSyntaxError {
  try {
    tokens(input);
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a FilterSyntaxError for ${JSON.stringify(input)}`);
}

describe('filterLexer numbers', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    ['-0.5', -0.5],
    ['+3', 3],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1.', 1],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['1e+21', 1e21],
    ['NaN', Number.NaN],
    ['nan', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['+infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('reads %s', (input, value) => {
    expect(only(input)).toEqual({ kind: 'number', value });
  });

  it('keeps the sign of -0', () => {
    const t = only('-0');
    expect(Object.is(t.value, -0)).toBe(true);
  });

  it.each([
    ['1abc', 0, /Invalid number "1abc" at column 1/],
    ['1.2.3', 0, /Invalid number "1.2.3"/],
    ['1e', 0, /Invalid number "1e"/],
    ['- 1', 0, /a sign must come right before a number/],
    ['-x', 0, /Unexpected "-" at column 1/],
    ['1e400', 0, /Number "1e400" at column 1 is too large/],
    ['-1e400', 0, /Number "-1e400" at column 1 is too large/],
  ])('rejects %s', (input, position, message) => {
    const e = lexError(input);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
  });
});

describe('filterLexer strings', () => {
  it.each([
    ["'abc'", 'abc'],
    ['"abc"', 'abc'],
    ["''", ''],
    ["'it''s'", "it's"],
    ['"say ""hi"""', 'say "hi"'],
    ["'it\\'s'", "it's"],
    ['"a\\"b"', 'a"b'],
    ["'back\\\\slash'", 'back\\slash'],
    ["'tab\\tnew\\nline\\r'", 'tab\tnew\nline\r'],
    ["'raw\nnewline'", 'raw\nnewline'],
    ["'a\"b'", 'a"b'],
    ['"a\'b"', "a'b"],
    ["'héllo 🚀 ключ'", 'héllo 🚀 ключ'],
  ])('reads %s', (input, value) => {
    expect(only(input)).toEqual({ kind: 'string', value });
  });

  it('keeps \\% and \\_ verbatim so LIKE can match a literal % or _', () => {
    expect(only("'100\\%'")).toEqual({ kind: 'string', value: '100\\%' });
    expect(only("'a\\_b'")).toEqual({ kind: 'string', value: 'a\\_b' });
  });

  it('rejects unknown escapes at the backslash', () => {
    const e = lexError("'C:\\data'");
    expect(e.position).toBe(3);
    expect(e.end).toBe(5);
    expect(e.message).toBe('Unknown escape "\\\\d" at column 4; write \\\\ for a backslash');
    expect(e.expected).toContain('\\\\');
  });

  it('does not read \\u escapes', () => {
    expect(lexError("'\\u0027'").position).toBe(1);
  });

  it('reports an unterminated string at its opening quote', () => {
    const e = lexError("  'abc");
    expect(e.position).toBe(2);
    expect(e.end).toBe(6);
    expect(e.message).toBe("Unterminated string starting at column 3; add the closing ' (write '' or \\' for a ' inside it)");
    expect(e.expected).toEqual(["'"]);
  });

  it('treats a final backslash as part of an unterminated string', () => {
    expect(lexError("'abc\\'").message).toMatch(/^Unterminated string starting at column 1/);
  });
});

describe('filterLexer fields', () => {
  it.each([
    ['metrics.auc', 'metrics', 'auc', false],
    ['metrics.val/loss', 'metrics', 'val/loss', false],
    ['tags.user-name', 'tags', 'user-name', false],
    ['params.1st:lr_x', 'params', '1st:lr_x', false],
    ['metrics.`val loss`', 'metrics', 'val loss', true],
    ['params."model.lr"', 'params', 'model.lr', true],
    ['tags.`a``b`', 'tags', 'a`b', true],
    ['tags."a""b"', 'tags', 'a"b', true],
    ['tags.`a\\`b\\\\c`', 'tags', 'a`b\\c', true],
    ['tags.`ключ 🚀`', 'tags', 'ключ 🚀', true],
    ['foo.bar', 'foo', 'bar', false],
  ])('reads %s', (input, prefix, key, quoted) => {
    expect(only(input)).toEqual({ kind: 'field', prefix, key, quoted });
  });

  it('ends a bare key at an operator, paren, comma or space', () => {
    expect(tokens("params.x!='a'").map((t) => t.kind)).toEqual(['field', 'op', 'string', 'end']);
    expect(tokens('metrics.a<=-1').map((t) => t.kind)).toEqual(['field', 'op', 'number', 'end']);
    expect(tokens('params.x IN(1,2)').map((t) => t.kind)).toEqual(['field', 'word', '(', 'number', ',', 'number', ')', 'end']);
  });

  it('asks for quotes around a key with a dot, pointing at the dot', () => {
    const e = lexError('metrics.a.b > 1');
    expect(e.position).toBe(9);
    expect(e.message).toBe(
      'Unexpected character "." in key "metrics.a.b" at column 10; keys holding characters other than letters, digits and _ - / : go in backticks, e.g. metrics.`a.b`',
    );
  });

  it('asks for quotes around a key with non-ASCII letters', () => {
    expect(lexError('metrics.lossé > 1').message).toMatch(/Unexpected character "é" in key "metrics.lossé" at column 13;.*e\.g\. metrics\.`lossé`$/);
  });

  it('reports a missing key after the dot', () => {
    const e = lexError('metrics. auc');
    expect(e.position).toBe(8);
    expect(e.message).toMatch(/^Expected a key after "metrics." at column 9, found " "/);
    expect(lexError('metrics.').message).toMatch(/found end of input/);
  });

  it('rejects an empty quoted key', () => {
    const e = lexError('metrics.`` > 1');
    expect(e.position).toBe(0);
    expect(e.message).toMatch(/^Empty key in "metrics.``" at column 1/);
  });

  it('reports an unterminated quoted key', () => {
    expect(lexError('metrics.`val loss > 1').message).toMatch(/^Unterminated key starting at column 9; add the closing `/);
  });

  it('rejects a backtick-quoted key without a prefix', () => {
    const e = lexError('`auc` > 1');
    expect(e.position).toBe(0);
    expect(e.expected).toEqual(['metrics.', 'params.', 'tags.']);
  });

  it('reads a double-quoted token as a string when no dot comes before it', () => {
    expect(tokens('"metrics" "auc"').map((t) => t.kind)).toEqual(['string', 'string', 'end']);
  });
});

describe('filterLexer operators and punctuation', () => {
  it('reads every operator', () => {
    const ops = tokens('= != < <= > >=').flatMap((t) => (t.kind === 'op' ? [t.op] : []));
    expect(ops).toEqual(['=', '!=', '<', '<=', '>', '>=']);
  });

  it('gives spans as 0-based offsets', () => {
    expect(tokens(' (a)').map(({ start, end }) => [start, end])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 4],
    ]);
  });

  it('rejects a lone !', () => {
    const e = lexError('metrics.a ! 1');
    expect(e.position).toBe(10);
    expect(e.expected).toEqual(['!=']);
  });

  it.each([
    [';', 0],
    ['a ; b', 2],
    ['/* x */', 0],
    ['a ‘b’', 2],
  ])('rejects the stray character in %s', (input, position) => {
    const e = lexError(input);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(/^Unexpected character/);
  });

  it('quotes a whole astral character in messages', () => {
    expect(lexError('🚀').message).toMatch(/^Unexpected character "🚀" at column 1/);
    expect(lexError('🚀').end).toBe(2);
  });
});

describe('filterLexer text that is never valid', () => {
  it('rejects a NUL anywhere, even inside quotes, before reading any token', () => {
    const e = lexError("params.x = 'a\u0000b'");
    expect(e.position).toBe(13);
    expect(e.message).toBe('The filter contains a NUL character (U+0000) at column 14; remove it');
  });

  it('rejects unpaired surrogates', () => {
    expect(lexError("'a\uD800'").message).toMatch(/unpaired surrogate \(U\+D800\) at column 3/);
    expect(lexError("'a\uDC00b'").position).toBe(2);
  });
});
