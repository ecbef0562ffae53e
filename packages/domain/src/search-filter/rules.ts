// Type rules checked while parsing: which operators and literals each field accepts, and
// the normalising of statuses (upper case) and dates (epoch milliseconds).
import type { FilterField, FilterLiteral, Span } from './ast';
import { filterError, filterQuote } from './errors';
import type { FilterOp } from './lexer';

/** Run statuses a filter may name. */
export const FILTER_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;

/** A field as the parser found it: what it is, and how the user wrote it (for messages). */
export interface FilterTarget {
  field: FilterField;
  text: string;
}

/** A literal and where it was written. */
export interface FilterLiteralAt {
  literal: FilterLiteral;
  span: Span;
}

/**
 * How a field's values behave: metrics are numbers; params and tags are text that may be
 * read as numbers; times are epoch ms; ids are whole numbers; statuses are a fixed set.
 */
type FieldClass = 'metric' | 'keyed' | 'text' | 'status' | 'time' | 'id';

const ORDERING: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

function fieldClass(field: FilterField): FieldClass {
  switch (field.kind) {
    case 'metric':
      return 'metric';
    case 'param':
    case 'tag':
      return 'keyed';
  }
  switch (field.name) {
    case 'status':
      return 'status';
    case 'start_time':
    case 'end_time':
    case 'created':
      return 'time';
    case 'experiment_id':
      return 'id';
    default:
      return 'text';
  }
}

/** The operators a field accepts, as they would be written. */
export function ruleOperators(field: FilterField): string[] {
  const cls = fieldClass(field);
  const ordered = cls !== 'text' && cls !== 'status';
  const like = cls === 'keyed' || cls === 'text' || cls === 'status';
  return [
    '=',
    '!=',
    ...(ordered ? ['<', '<=', '>', '>='] : []),
    ...(like ? ['LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE'] : []),
    'IN',
    'NOT IN',
    'IS NULL',
    'IS NOT NULL',
  ];
}

/** Throws unless the field accepts this operator (ordering, or LIKE/ILIKE). */
export function ruleOperator(input: string, target: FilterTarget, op: FilterOp | 'LIKE' | 'ILIKE', span: Span): void {
  const cls = fieldClass(target.field);
  const isLike = op === 'LIKE' || op === 'ILIKE';
  const allowed = isLike ? cls === 'keyed' || cls === 'text' || cls === 'status' : !ORDERING.has(op) || (cls !== 'text' && cls !== 'status');
  if (allowed) return;
  const expected = ruleOperators(target.field);
  const why = isLike ? `${target.text} holds ${cls === 'id' || cls === 'metric' ? 'numbers' : 'times'}` : `${target.text} is text`;
  throw filterError(
    input,
    span,
    (at) => `${target.text} cannot be compared with ${op} ${at} because ${why}; use ${expected.join(', ')}`,
    expected,
  );
}

/** Checks a literal written after `op` (or in an IN list) and returns it normalised. */
export function ruleValue(input: string, target: FilterTarget, op: FilterOp | 'IN', at: FilterLiteralAt): FilterLiteral {
  const { literal, span } = at;
  const text = input.slice(span.start, span.end);
  const fail = (message: (where: string, found: string) => string, expected: string[]) =>
    filterError(input, span, (where) => message(where, filterQuote(text)), expected);
  switch (fieldClass(target.field)) {
    case 'metric':
      if (literal.type !== 'number') throw fail((w, f) => `${target.text} compares with numbers only ${w}, found ${f}`, ['number']);
      return literal;
    case 'keyed':
      if (literal.type !== 'number' && ORDERING.has(op)) {
        throw fail(
          (w, f) => `${op} on ${target.text} compares numbers ${w}, found ${f}; write the number unquoted, or use = or LIKE to match text`,
          ['number'],
        );
      }
      return literal;
    case 'text':
      if (literal.type !== 'string') throw fail((w, f) => `${target.text} takes a quoted string ${w}, found ${f}; write '${text}'`, ['string']);
      return literal;
    case 'status': {
      const status = literal.type === 'string' ? literal.value.toUpperCase() : '';
      if (!(FILTER_STATUSES as readonly string[]).includes(status)) {
        throw fail((w, f) => `Unknown status ${f} ${w}; expected one of ${FILTER_STATUSES.join(', ')}`, [...FILTER_STATUSES]);
      }
      return { type: 'string', value: status };
    }
    case 'time': {
      const ms = literal.type === 'number' ? literal.value : filterDateMillis(literal.value);
      if (ms === null || !Number.isFinite(ms)) {
        throw fail(
          (w, f) => `${target.text} takes epoch milliseconds or an ISO-8601 date such as '2024-05-01' or '2024-05-01T12:00:00Z' ${w}, found ${f}`,
          ['number', 'ISO-8601 date'],
        );
      }
      return { type: 'number', value: ms };
    }
    case 'id':
      if (literal.type !== 'number' || !Number.isSafeInteger(literal.value) || literal.value < 0) {
        throw fail((w, f) => `${target.text} takes a whole number such as 3 ${w}, found ${f}`, ['number']);
      }
      return literal;
  }
}

/** Throws unless a value of an IN list has the same literal type as the list's first value. */
export function ruleInKind(input: string, target: FilterTarget, first: FilterLiteralAt, next: FilterLiteralAt): void {
  if (next.literal.type === first.literal.type) return;
  const kinds = `${first.literal.type}s`;
  throw filterError(
    input,
    next.span,
    (at) => `The IN list for ${target.text} mixes kinds ${at}: it starts with ${kinds} but has ${filterQuote(input.slice(next.span.start, next.span.end))}; use ${kinds} only`,
    [first.literal.type],
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an ISO-8601 calendar date or date-time, or null if the text is not
 * one or names no real time. No offset means UTC, so the result never depends on the server.
 */
export function filterDateMillis(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  const offset = utcOffsetMinutes(m[8] ?? 'Z');
  if (offset === null) return null;
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offset * 60_000;
}

function utcOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(3).replace(':', '') || 0);
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
