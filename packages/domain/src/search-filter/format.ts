// Reads a parsed filter back out: the fields it uses, and canonical text that parses to
// the same tree (so a UI can rewrite a filter and save it as text).
import type { FilterComparison, FilterExpr, FilterField, FilterLiteral } from './ast';
import { FILTER_BARE_KEY } from './lexer';

/** The distinct fields a filter tests, in order of first use; none for no filter. */
export function filterFields(expr: FilterExpr | null): FilterField[] {
  const seen = new Map<string, FilterField>();
  const visit = (e: FilterExpr): void => {
    switch (e.type) {
      case 'and':
      case 'or':
        e.items.forEach(visit);
        return;
      case 'not':
        visit(e.item);
        return;
      default: {
        const id = e.field.kind === 'attribute' ? `attribute:${e.field.name}` : `${e.field.kind}:${e.field.key}`;
        if (!seen.has(id)) seen.set(id, { ...e.field });
      }
    }
  };
  if (expr) visit(expr);
  return [...seen.values()];
}

/**
 * Canonical text of a filter ('' for none): keywords upper case, plural prefixes, bare
 * attribute names, single-quoted strings. filterParse gives back the same tree, spans aside.
 */
export function filterFormat(expr: FilterExpr | null): string {
  return expr ? formatExpr(expr) : '';
}

function formatExpr(e: FilterExpr): string {
  switch (e.type) {
    case 'and':
      return joined(e.items, ' AND ', (item) => item.type === 'and' || item.type === 'or');
    case 'or':
      return joined(e.items, ' OR ', (item) => item.type === 'or');
    case 'not':
      return `NOT ${e.item.type === 'and' || e.item.type === 'or' ? `(${formatExpr(e.item)})` : formatExpr(e.item)}`;
    default:
      return formatComparison(e);
  }
}

/** Joins items, parenthesising those that would otherwise merge into this list or bind looser. */
function joined(items: FilterExpr[], separator: string, needsParens: (item: FilterExpr) => boolean): string {
  if (items.length === 0) throw new RangeError('filterFormat: an AND/OR node needs at least one item');
  if (items.length === 1 && items[0]) return formatExpr(items[0]);
  return items.map((item) => (needsParens(item) ? `(${formatExpr(item)})` : formatExpr(item))).join(separator);
}

function formatComparison(c: FilterComparison): string {
  const field = formatField(c.field);
  const not = 'negated' in c && c.negated ? 'NOT ' : '';
  switch (c.type) {
    case 'compare':
      return `${field} ${c.op} ${formatLiteral(c.value)}`;
    case 'like':
      return `${field} ${not}${c.op} ${formatString(c.pattern)}`;
    case 'in':
      return `${field} ${not}IN (${c.values.map(formatLiteral).join(', ')})`;
    case 'null':
      return `${field} IS ${not}NULL`;
  }
}

const PREFIX = { metric: 'metrics', param: 'params', tag: 'tags' } as const;

function formatField(f: FilterField): string {
  if (f.kind === 'attribute') return f.name;
  const key = FILTER_BARE_KEY.test(f.key) ? f.key : `\`${f.key.replace(/[`\\]/g, '\\$&')}\``;
  return `${PREFIX[f.kind]}.${key}`;
}

function formatLiteral(v: FilterLiteral): string {
  return v.type === 'string' ? formatString(v.value) : formatNumber(v.value);
}

/** Single-quoted; a backslash before % or _ is left as is, since the lexer keeps `\%` and `\_` verbatim. */
function formatString(s: string): string {
  return `'${s.replace(/\\(?![%_])/g, '\\\\').replace(/'/g, "''")}'`;
}

function formatNumber(n: number): string {
  // String() covers NaN and ±Infinity, which parse back as words; only -0 needs its sign kept.
  return Object.is(n, -0) ? '-0' : String(n);
}
