// Splits filter text into tokens. A field (`metrics.val/loss`, params."model.lr") is one
// token, so a key after the dot may start with a digit or hold `-/:` and a double-quoted
// key is told apart from a double-quoted string by the dot in front of it.
import type { Span } from './ast';
import { filterError, filterQuote } from './errors';

export type FilterOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A token with its place in the input; text is `input.slice(start, end)`. */
export type FilterToken = Span &
  (
    | { kind: 'word'; text: string }
    | { kind: 'field'; prefix: string; key: string; quoted: boolean }
    | { kind: 'number'; value: number }
    | { kind: 'string'; value: string }
    | { kind: 'op'; op: FilterOp }
    | { kind: '(' | ')' | ',' | 'end' }
  );

/** Characters a key may hold without quotes. */
export const FILTER_BARE_KEY = /^[A-Za-z0-9_\-/:]+$/;

const BARE_KEY = /[A-Za-z0-9_\-/:]+/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
/** Text that runs on after a key or number until something that can end a token. */
const RUN_ON = /[^\s=!<>(),'"`]*/y;
const NUMBER_RUN_ON = /[A-Za-z0-9_.]*/y;
const SPACE = /\s/;
const DIGIT = /[0-9]/;
const WORD_START = /[A-Za-z_]/;
const BAD_CODE_UNIT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Backslash escapes inside quotes. `\%` and `\_` keep their backslash so LIKE can match a literal % or _. */
const ESCAPES = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['`', '`'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['%', '\\%'],
  ['_', '\\_'],
]);

/** Number words, matched without regard to case. */
const NUMBER_WORDS = new Map([
  ['NAN', Number.NaN],
  ['INFINITY', Number.POSITIVE_INFINITY],
]);

function match(re: RegExp, input: string, at: number): string {
  re.lastIndex = at;
  return re.exec(input)?.[0] ?? '';
}

function charAt(input: string, i: number): string {
  const cp = input.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * A reader of the filter's tokens, one per call, then `end` forever. Tokens are read on
 * demand so the parser reports the first problem in the text, not the first bad token.
 * Throws FilterSyntaxError on text that is no token, and at once on NUL or unpaired surrogates.
 */
export function filterLexer(input: string): () => FilterToken {
  const bad = BAD_CODE_UNIT.exec(input);
  if (bad) {
    const unit = bad[0].charCodeAt(0);
    const name = unit === 0 ? 'a NUL character (U+0000)' : `an unpaired surrogate (U+${unit.toString(16).toUpperCase()})`;
    throw filterError(input, { start: bad.index, end: bad.index + 1 }, (at) => `The filter contains ${name} ${at}; remove it`);
  }
  let i = 0;
  return () => {
    while (SPACE.test(input.charAt(i))) i++;
    if (i >= input.length) return { kind: 'end', start: input.length, end: input.length };
    const token = readToken(input, i, input.charAt(i));
    i = token.end;
    return token;
  };
}

function readToken(input: string, start: number, c: string): FilterToken {
  const next = input.charAt(start + 1);
  switch (c) {
    case '(':
    case ')':
    case ',':
      return { kind: c, start, end: start + 1 };
    case '=':
      return { kind: 'op', op: '=', start, end: start + 1 };
    case '<':
      return next === '=' ? { kind: 'op', op: '<=', start, end: start + 2 } : { kind: 'op', op: '<', start, end: start + 1 };
    case '>':
      return next === '=' ? { kind: 'op', op: '>=', start, end: start + 2 } : { kind: 'op', op: '>', start, end: start + 1 };
    case '!':
      if (next === '=') return { kind: 'op', op: '!=', start, end: start + 2 };
      throw filterError(input, { start, end: start + 1 }, (at) => `Unexpected "!" ${at}; write != for "not equal"`, ['!=']);
    case "'":
    case '"': {
      const { value, end } = readQuoted(input, start, 'string');
      return { kind: 'string', value, start, end };
    }
    case '`':
      throw filterError(
        input,
        { start, end: start + 1 },
        (at) => `A quoted key needs a prefix ${at}, e.g. metrics.\`my key\`, params.\`my key\` or tags.\`my key\``,
        ['metrics.', 'params.', 'tags.'],
      );
    case '-':
    case '+':
      return readSigned(input, start, c === '-' ? -1 : 1);
  }
  if (DIGIT.test(c) || (c === '.' && DIGIT.test(next))) return readNumber(input, start, start, 1);
  if (WORD_START.test(c)) return readWord(input, start);
  const ch = charAt(input, start);
  throw filterError(
    input,
    { start, end: start + ch.length },
    (at) => `Unexpected character ${filterQuote(ch)} ${at}; a filter is comparisons joined by AND and OR, and text values go in quotes`,
  );
}

function readSigned(input: string, start: number, sign: 1 | -1): FilterToken {
  const after = start + 1;
  const next = input.charAt(after);
  if (DIGIT.test(next) || (next === '.' && DIGIT.test(input.charAt(after + 1)))) {
    return readNumber(input, start, after, sign);
  }
  const word = match(WORD, input, after);
  const named = NUMBER_WORDS.get(word.toUpperCase());
  if (named !== undefined) return { kind: 'number', value: sign * named, start, end: after + word.length };
  throw filterError(
    input,
    { start, end: after },
    (at) => `Unexpected ${filterQuote(input.charAt(start))} ${at}; a sign must come right before a number, e.g. -1.5 or -Infinity`,
  );
}

function readNumber(input: string, start: number, digits: number, sign: 1 | -1): FilterToken {
  const text = match(NUMBER, input, digits);
  const end = digits + text.length;
  const runOn = match(NUMBER_RUN_ON, input, end);
  if (runOn) {
    const whole = input.slice(start, end + runOn.length);
    throw filterError(
      input,
      { start, end: end + runOn.length },
      (at) => `Invalid number ${filterQuote(whole)} ${at}; write numbers like 42, -0.5 or 1e-3, and text in quotes`,
    );
  }
  const value = sign * Number(text);
  if (!Number.isFinite(value)) {
    throw filterError(
      input,
      { start, end },
      (at) => `Number ${filterQuote(input.slice(start, end))} ${at} is too large; write Infinity or -Infinity for an unbounded value`,
    );
  }
  return { kind: 'number', value, start, end };
}

function readWord(input: string, start: number): FilterToken {
  const text = match(WORD, input, start);
  const end = start + text.length;
  if (input.charAt(end) === '.') return readField(input, start, text, end + 1);
  const named = NUMBER_WORDS.get(text.toUpperCase());
  if (named !== undefined) return { kind: 'number', value: named, start, end };
  return { kind: 'word', text, start, end };
}

function readField(input: string, start: number, prefix: string, keyStart: number): FilterToken {
  const q = input.charAt(keyStart);
  if (q === '`' || q === '"') {
    const { value, end } = readQuoted(input, keyStart, 'key');
    if (value === '') {
      throw filterError(input, { start, end }, (at) => `Empty key in ${filterQuote(input.slice(start, end))} ${at}; name the ${prefix} key`);
    }
    return { kind: 'field', prefix, key: value, quoted: true, start, end };
  }
  const key = match(BARE_KEY, input, keyStart);
  const end = keyStart + key.length;
  const hint = 'keys holding characters other than letters, digits and _ - / : go in backticks';
  if (!key) {
    const found = filterQuote(charAt(input, keyStart));
    throw filterError(
      input,
      { start: keyStart, end: keyStart + 1 },
      (at) => `Expected a key after "${prefix}." ${at}, found ${found}; ${hint}, e.g. ${prefix}.\`my key\``,
    );
  }
  const runOn = match(RUN_ON, input, end);
  if (runOn) {
    const ch = charAt(input, end);
    const quoted = `${prefix}.\`${(key + runOn).replace(/[`\\]/g, '\\$&')}\``;
    throw filterError(
      input,
      { start: end, end: end + ch.length },
      (at) => `Unexpected character ${filterQuote(ch)} in key "${prefix}.${key + runOn}" ${at}; ${hint}, e.g. ${quoted}`,
    );
  }
  return { kind: 'field', prefix, key, quoted: false, start, end };
}

/** Reads a quoted string or key starting at its opening quote; a doubled quote or a backslash escapes. */
function readQuoted(input: string, start: number, what: 'string' | 'key'): { value: string; end: number } {
  const quote = input.charAt(start);
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const c = input.charAt(i);
    if (c === quote) {
      if (input.charAt(i + 1) !== quote) return { value, end: i + 1 };
      value += quote;
      i += 2;
    } else if (c === '\\' && i + 1 < input.length) {
      const e = charAt(input, i + 1);
      const escaped = ESCAPES.get(e);
      if (escaped === undefined) {
        throw filterError(
          input,
          { start: i, end: i + 1 + e.length },
          (at) => `Unknown escape ${filterQuote(`\\${e}`)} ${at}; write \\\\ for a backslash`,
          [...ESCAPES.keys()].map((k) => `\\${k}`),
        );
      }
      value += escaped;
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  throw filterError(
    input,
    { start, end: input.length },
    (at) => `Unterminated ${what} starting ${at}; add the closing ${quote} (write ${quote}${quote} or \\${quote} for a ${quote} inside it)`,
    [quote],
  );
}
