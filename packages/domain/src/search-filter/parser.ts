// Recursive-descent parser for run-search filters: MLflow's `clause AND clause` grammar
// plus OR, NOT, parentheses, IN, IS NULL and typed literals. Precedence: NOT > AND > OR.
import type { FilterAttribute, FilterComparison, FilterExpr, FilterField, FilterLiteral } from './ast';
import { filterError, filterQuote, filterWhere } from './errors';
import { FILTER_BARE_KEY, filterLexer, type FilterToken } from './lexer';
import { ruleInKind, ruleOperator, ruleOperators, ruleValue, type FilterLiteralAt, type FilterTarget } from './rules';

/** Longest filter text accepted, in UTF-16 units. */
export const FILTER_MAX_LENGTH = 4000;
/** Most comparisons one filter may hold. */
export const FILTER_MAX_COMPARISONS = 50;
/** Deepest nesting of parentheses and NOT. */
export const FILTER_MAX_DEPTH = 20;
/** Most values in one IN list. */
export const FILTER_MAX_IN_VALUES = 1000;

const PREFIXES = new Map<string, FilterField['kind']>([
  ['metric', 'metric'],
  ['metrics', 'metric'],
  ['param', 'param'],
  ['params', 'param'],
  ['parameter', 'param'],
  ['parameters', 'param'],
  ['tag', 'tag'],
  ['tags', 'tag'],
  ['attribute', 'attribute'],
  ['attributes', 'attribute'],
  ['attr', 'attribute'],
  ['run', 'attribute'],
]);

const ATTRIBUTES = new Map<string, FilterAttribute>([
  ['run_id', 'run_id'],
  ['run_name', 'run_name'],
  ['name', 'run_name'],
  ['status', 'status'],
  ['start_time', 'start_time'],
  ['end_time', 'end_time'],
  ['user', 'user'],
  ['user_id', 'user'],
  ['source_commit', 'source_commit'],
  ['experiment_id', 'experiment_id'],
  ['created', 'created'],
]);

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'ILIKE', 'IN', 'IS', 'NULL']);

interface Parser {
  input: string;
  read: () => FilterToken;
  token: FilterToken;
  previous: FilterToken | null;
  comparisons: number;
}

/** The filter's syntax tree, or null when the input is blank; throws FilterSyntaxError. */
export function filterParse(input: string): FilterExpr | null {
  if (input.length > FILTER_MAX_LENGTH) {
    throw filterError(
      input,
      { start: FILTER_MAX_LENGTH, end: input.length },
      (at) => `The filter is ${input.length} characters long; the limit is ${FILTER_MAX_LENGTH}, exceeded ${at}`,
    );
  }
  const read = filterLexer(input);
  const p: Parser = { input, read, token: read(), previous: null, comparisons: 0 };
  if (p.token.kind === 'end') return null;
  const expr = parseOr(p, 0);
  if (peek(p).kind !== 'end') {
    const stray = peek(p).kind === ')' ? 'Unmatched ")"' : 'Expected AND or OR between comparisons';
    const previous = p.previous;
    const quoteHint =
      previous?.kind === 'string' && previous.end === p.token.start
        ? `; to put a quote inside a string, double it ('it''s') or escape it (\\')`
        : '';
    throw fail(p, (at) => `${stray} ${at}, found ${found(p)}${quoteHint}`, ['AND', 'OR']);
  }
  return expr;
}

/** The current token, read through a call so TypeScript does not keep a narrowing across advance(). */
function peek(p: Parser): FilterToken {
  return p.token;
}

function text(p: Parser, token: FilterToken): string {
  return p.input.slice(token.start, token.end);
}

function found(p: Parser): string {
  return filterQuote(text(p, p.token));
}

function fail(p: Parser, message: (at: string) => string, expected?: string[]) {
  return filterError(p.input, p.token, message, expected);
}

function advance(p: Parser): FilterToken {
  const token = p.token;
  p.previous = token;
  p.token = p.read();
  return token;
}

/** The keyword the current token spells (upper case), or null. */
function keyword(p: Parser): string | null {
  if (p.token.kind !== 'word') return null;
  const upper = p.token.text.toUpperCase();
  return KEYWORDS.has(upper) ? upper : null;
}

function parseOr(p: Parser, depth: number): FilterExpr {
  const items = [parseAnd(p, depth)];
  while (keyword(p) === 'OR') {
    advance(p);
    items.push(parseAnd(p, depth));
  }
  return items.length === 1 && items[0] ? items[0] : { type: 'or', items };
}

function parseAnd(p: Parser, depth: number): FilterExpr {
  const items = [parseNot(p, depth)];
  while (keyword(p) === 'AND') {
    advance(p);
    items.push(parseNot(p, depth));
  }
  return items.length === 1 && items[0] ? items[0] : { type: 'and', items };
}

function deeper(p: Parser, depth: number): number {
  if (depth < FILTER_MAX_DEPTH) return depth + 1;
  throw fail(p, (at) => `The filter nests more than ${FILTER_MAX_DEPTH} levels of parentheses and NOT ${at}; simplify it`);
}

function parseNot(p: Parser, depth: number): FilterExpr {
  if (keyword(p) === 'NOT') {
    const inner = deeper(p, depth);
    advance(p);
    return { type: 'not', item: parseNot(p, inner) };
  }
  if (p.token.kind === '(') {
    const inner = deeper(p, depth);
    const open = advance(p);
    const expr = parseOr(p, inner);
    if (peek(p).kind !== ')') {
      const opened = filterWhere(p.input, open.start);
      throw fail(p, (at) => `Expected AND, OR or ")" ${at}, found ${found(p)} (the "(" at ${opened} is not closed)`, [
        'AND',
        'OR',
        ')',
      ]);
    }
    advance(p);
    return expr;
  }
  return parseComparison(p);
}

function parseComparison(p: Parser): FilterComparison {
  const start = p.token.start;
  const target: FilterTarget = { field: parseField(p), text: text(p, p.token) };
  advance(p);
  const comparison = parseTest(p, target);
  const span = { start, end: p.previous?.end ?? start };
  p.comparisons++;
  if (p.comparisons > FILTER_MAX_COMPARISONS) {
    throw filterError(
      p.input,
      span,
      (at) => `The filter has more than ${FILTER_MAX_COMPARISONS} comparisons; the one ${at} is past the limit`,
    );
  }
  return { ...comparison, span };
}

type Unspanned<T> = T extends unknown ? Omit<T, 'span'> : never;

/** What follows a field: an operator and its value(s). The span is added by the caller. */
function parseTest(p: Parser, target: FilterTarget): Unspanned<FilterComparison> {
  const { field } = target;
  const token = p.token;
  if (token.kind === 'op') {
    ruleOperator(p.input, target, token.op, token);
    advance(p);
    const literal = parseLiteral(p, target, `${target.text} ${token.op}`);
    return { type: 'compare', field, op: token.op, value: ruleValue(p.input, target, token.op, literal) };
  }
  const word = keyword(p);
  if (word === 'IS') {
    advance(p);
    const negated = keyword(p) === 'NOT';
    if (negated) advance(p);
    if (keyword(p) !== 'NULL') {
      const expected = negated ? ['NULL'] : ['NULL', 'NOT NULL'];
      throw fail(p, (at) => `Expected ${expected.join(' or ')} after ${target.text} IS ${at}, found ${found(p)}`, expected);
    }
    advance(p);
    return { type: 'null', field, negated };
  }
  const negated = word === 'NOT';
  if (negated) advance(p);
  const op = keyword(p);
  if (op === 'LIKE' || op === 'ILIKE') {
    ruleOperator(p.input, target, op, p.token);
    advance(p);
    if (p.token.kind !== 'string') {
      throw fail(p, (at) => `${op} needs a quoted pattern after ${target.text} ${at}, found ${found(p)}; e.g. '%loss%'`, ['string']);
    }
    const pattern = p.token.value;
    advance(p);
    return { type: 'like', field, op, negated, pattern };
  }
  if (op === 'IN') {
    advance(p);
    return { type: 'in', field, negated, values: parseInList(p, target) };
  }
  const expected = negated ? ['LIKE', 'ILIKE', 'IN'] : ruleOperators(field);
  const wanted = negated ? 'LIKE, ILIKE or IN' : 'a comparison operator';
  const after = negated ? `${target.text} NOT` : target.text;
  throw fail(p, (at) => `Expected ${wanted} after ${after} ${at}, found ${found(p)}`, expected);
}

function parseField(p: Parser): FilterField {
  const token = p.token;
  if (token.kind === 'field') {
    const kind = PREFIXES.get(token.prefix.toLowerCase());
    if (kind === undefined) {
      const prefixSpan = { start: token.start, end: token.start + token.prefix.length };
      const dataset = /^datasets?$/i.test(token.prefix);
      throw filterError(
        p.input,
        prefixSpan,
        (at) =>
          dataset
            ? `Dataset filters are not supported ${at}; filter on metrics., params., tags. or attributes.`
            : `Unknown field type ${filterQuote(token.prefix)} ${at}; expected metrics., params., tags. or attributes. before the key`,
        ['metrics.', 'params.', 'tags.', 'attributes.'],
      );
    }
    if (kind !== 'attribute') return { kind, key: token.key };
    return parseAttribute(p, token.key);
  }
  if (token.kind === 'word' && keyword(p) === null) return parseAttribute(p, token.text);
  const previous = p.previous;
  const after = previous ? `after ${filterQuote(text(p, previous))}` : 'such as metrics.auc > 0.8';
  throw fail(p, (at) => `Expected a comparison ${after} ${at}, found ${found(p)}`, [
    'metrics.<key>',
    'params.<key>',
    'tags.<key>',
    'attributes.<name>',
  ]);
}

function parseAttribute(p: Parser, name: string): FilterField {
  const attribute = ATTRIBUTES.get(name.toLowerCase());
  if (attribute) return { kind: 'attribute', name: attribute };
  const names = [...ATTRIBUTES.keys()];
  const keyed = FILTER_BARE_KEY.test(name) ? `; for a metric, param or tag write metrics.${name}, params.${name} or tags.${name}` : '';
  throw fail(p, (at) => `Unknown attribute ${filterQuote(name)} ${at}; expected one of ${names.join(', ')}${keyed}`, names);
}

function parseLiteral(p: Parser, target: FilterTarget, after: string): FilterLiteralAt {
  const token = p.token;
  if (token.kind === 'number' || token.kind === 'string') {
    advance(p);
    const literal: FilterLiteral =
      token.kind === 'number' ? { type: 'number', value: token.value } : { type: 'string', value: token.value };
    return { literal, span: { start: token.start, end: token.end } };
  }
  if (keyword(p) === 'NULL') {
    throw fail(p, (at) => `Use IS NULL or IS NOT NULL to test whether ${target.text} is missing ${at}`, ['IS NULL', 'IS NOT NULL']);
  }
  const hint = token.kind === 'word' ? `; put text in quotes, e.g. '${token.text}'` : '';
  throw fail(p, (at) => `Expected a value after ${after} ${at}, found ${found(p)}${hint}`, ['number', 'string']);
}

function parseInList(p: Parser, target: FilterTarget): FilterLiteral[] {
  if (p.token.kind !== '(') {
    throw fail(p, (at) => `Expected "(" after ${target.text} IN ${at}, found ${found(p)}; e.g. IN ('a', 'b')`, ['(']);
  }
  advance(p);
  if (peek(p).kind === ')') {
    throw fail(p, (at) => `The IN list for ${target.text} is empty ${at}; give at least one value`, ['number', 'string']);
  }
  const values: FilterLiteral[] = [];
  let first: FilterLiteralAt | undefined;
  for (;;) {
    const raw = parseLiteral(p, target, `${target.text} IN (`);
    values.push(ruleValue(p.input, target, 'IN', raw));
    first ??= raw;
    ruleInKind(p.input, target, first, raw);
    if (values.length > FILTER_MAX_IN_VALUES) {
      throw filterError(
        p.input,
        raw.span,
        (at) => `The IN list for ${target.text} has more than ${FILTER_MAX_IN_VALUES} values; the one ${at} is past the limit`,
      );
    }
    const separator = peek(p).kind;
    if (separator !== ',' && separator !== ')') {
      throw fail(p, (at) => `Expected "," or ")" in the IN list for ${target.text} ${at}, found ${found(p)}`, [',', ')']);
    }
    advance(p);
    if (separator === ')') return values;
  }
}
