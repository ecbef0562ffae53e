// registered-models/search and model-versions/search: MLflow's filter (`clause AND
// clause`, attributes and `tags.<key>`), order_by and tiebreaks, applied in memory to the
// registry (hundreds of models and versions, not millions of runs).
import { invalid } from './errors';
import { mlflowLikeRegex } from './wire';

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';
type Literal = string | number | string[];

export interface RegistryClause {
  /** An attribute name, or the key of a tag. */
  key: string;
  tag: boolean;
  op: Op;
  value: Literal;
}

/** What an entity's filter accepts: string attributes (with the ones that take IN) and numeric ones. */
export interface FilterSpec {
  entity: string;
  strings: readonly string[];
  inList: readonly string[];
  numbers: readonly string[];
}

const IDENT = String.raw`(?:(?:(tags?|attributes?|attr)\.)?(\`[^\`]+\`|"[^"]+"|[A-Za-z_][\w.]*))`;
const OP = String.raw`(!=|<>|>=|<=|=|>|<|\bNOT\s+IN\b|\bIN\b|\bILIKE\b|\bLIKE\b)`;
const VALUE = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|\(\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(?:\s*,\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))*\s*,?\s*\))`;
const CLAUSE = new RegExp(String.raw`^\s*${IDENT}\s*${OP}\s*${VALUE}\s*(?:\bAND\b|$)`, 'i');

const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, '$1');
const unwrap = (s: string) => s.replace(/^[`"](.*)[`"]$/, '$1');

function literalOf(raw: string): Literal {
  if (raw.startsWith('(')) return [...raw.matchAll(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g)].map((m) => unquote(m[0]));
  if (/^['"]/.test(raw)) return unquote(raw);
  return Number(raw);
}

/** Parses the filter against the entity's attributes; anything else is INVALID_PARAMETER_VALUE. */
export function registryFilterParse(filter: string | undefined, spec: FilterSpec): RegistryClause[] {
  const clauses: RegistryClause[] = [];
  let rest = (filter ?? '').trim();
  const attrs = [...spec.strings, ...spec.numbers];
  while (rest.length > 0) {
    const m = CLAUSE.exec(rest);
    if (!m) throw invalid(`Invalid filter '${filter}': expected clauses such as name = 'x' or tags.team LIKE 'fraud%' joined by AND`);
    const tag = m[1] !== undefined && /^tags?$/i.test(m[1]);
    const key = unwrap(m[2]!);
    const op = m[3]!.toUpperCase().replace(/\s+/g, ' ').replace('<>', '!=') as Op;
    const value = literalOf(m[4]!);
    const isList = Array.isArray(value);
    if (tag) {
      if (typeof value !== 'string' || !['=', '!=', 'LIKE', 'ILIKE'].includes(op)) throw invalid(`Invalid filter '${filter}': tags take =, !=, LIKE or ILIKE and a quoted string`);
    } else if (!attrs.includes(key)) {
      throw invalid(`Invalid attribute key '${key}' in filter '${filter}': ${spec.entity} filter on ${attrs.join(', ')} and tags.<key>`);
    } else if (spec.numbers.includes(key)) {
      if (typeof value !== 'number' || op === 'LIKE' || op === 'ILIKE' || op === 'IN' || op === 'NOT IN') throw invalid(`Invalid filter '${filter}': ${key} takes a comparison with a number`);
    } else if (op === 'IN' || op === 'NOT IN') {
      if (!spec.inList.includes(key) || !isList) throw invalid(`Invalid filter '${filter}': IN takes a list such as ('a', 'b') and works on ${spec.inList.join(', ') || 'no attribute here'}`);
    } else if (typeof value !== 'string' || !['=', '!=', 'LIKE', 'ILIKE'].includes(op)) {
      throw invalid(`Invalid filter '${filter}': ${key} takes =, !=, LIKE or ILIKE and a quoted string`);
    }
    clauses.push({ key, tag, op, value });
    rest = rest.slice(m[0].length).trim();
    if (rest === '' && /\bAND\s*$/i.test(m[0])) throw invalid(`Invalid filter '${filter}': nothing after AND`);
  }
  return clauses;
}

/** Whether an entity matches every clause; an entity lacking a tag never matches a tag clause. */
export function registryMatches(clauses: readonly RegistryClause[], attr: (key: string) => string | number | undefined, tags: Record<string, string>): boolean {
  return clauses.every((c) => {
    // Own keys only: a tag named like an Object property ("constructor") is not there unless set.
    const actual = c.tag ? (Object.hasOwn(tags, c.key) ? tags[c.key] : undefined) : attr(c.key);
    if (actual === undefined) return false;
    const v = c.value;
    switch (c.op) {
      case '=':
        return actual === v;
      case '!=':
        return actual !== v;
      case '>':
        return actual > v;
      case '>=':
        return actual >= v;
      case '<':
        return actual < v;
      case '<=':
        return actual <= v;
      case 'LIKE':
      case 'ILIKE':
        return mlflowLikeRegex(String(v), c.op === 'ILIKE').test(String(actual));
      case 'IN':
        return (v as string[]).includes(String(actual));
      case 'NOT IN':
        return !(v as string[]).includes(String(actual));
    }
  });
}

type Key<T> = (item: T) => string | number;

/**
 * Sorts by MLflow order_by items (`key [ASC|DESC]`), then the entity's tiebreaks. `keys`
 * maps every accepted name (aliases included) to its value.
 */
export function registryOrder<T>(items: T[], orderBy: readonly string[], keys: Record<string, Key<T>>, tiebreak: readonly { key: Key<T>; desc: boolean }[]): T[] {
  const order = orderBy.map((item) => {
    const m = /^\s*(?:(?:attributes?|attr)\.)?(`[^`]+`|"[^"]+"|\w+)\s*(ASC|DESC)?\s*$/i.exec(item);
    const name = m?.[1] && unwrap(m[1]);
    if (!m || !name || !Object.hasOwn(keys, name)) throw invalid(`Invalid order_by clause '${item}': use one of ${Object.keys(keys).join(', ')} with ASC or DESC`);
    return { key: keys[name]!, desc: m[2]?.toUpperCase() === 'DESC' };
  });
  const all = [...order, ...tiebreak];
  return [...items].sort((a, b) => {
    for (const { key, desc } of all) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
}
