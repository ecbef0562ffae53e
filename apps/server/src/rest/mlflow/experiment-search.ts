// experiments/search: MLflow's filter (`name`, `creation_time`, `last_update_time`,
// `tags.<key>`, clauses joined by AND), order_by and view_type, applied to Quorum's
// experiment list.
import type { ExperimentSummary } from '@quorum/db';
import { invalid } from './errors';
import { experimentTagsOf, mlflowLikeRegex, viewTypeParse } from './wire';

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE';
type Clause =
  | { attr: 'name'; op: Op; value: string }
  | { attr: 'creation_time' | 'last_update_time'; op: Op; value: number }
  /** A tag clause; an experiment without the tag never matches, not even `!=`. */
  | { attr: 'tag'; key: string; op: Op; value: string };

const QUOTED = String.raw`\`[^\`]+\`|"[^"]+"`;
const CLAUSE = new RegExp(
  String.raw`^\s*(?:(${QUOTED}|[A-Za-z_]\w*)\.)?(${QUOTED}|[\w.:/]+)\s*` +
    String.raw`(!=|<>|>=|<=|=|>|<|\bILIKE\b|\bLIKE\b)\s*` +
    String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)\s*(?:\bAND\b|$)`,
  'i',
);
const STRING_OPS: readonly Op[] = ['=', '!=', 'LIKE', 'ILIKE'];
const unquote = (s: string) => s.replace(/^[`"](.*)[`"]$/, '$1');

/** Parses `clause (AND clause)*`; anything else is INVALID_PARAMETER_VALUE. */
export function experimentFilterParse(filter: string | undefined): Clause[] {
  const clauses: Clause[] = [];
  let rest = (filter ?? '').trim();
  while (rest.length > 0) {
    const m = CLAUSE.exec(rest);
    if (!m) throw invalid(`Invalid filter '${filter}': expected clauses such as name = 'x', tags.team LIKE '%x%' or creation_time > 0 joined by AND`);
    const entity = m[1] === undefined ? 'attribute' : unquote(m[1]).toLowerCase();
    const ident = unquote(m[2]!);
    const op = m[3]!.toUpperCase().replace('<>', '!=') as Op;
    const raw = m[4]!;
    const quoted = /^['"]/.test(raw);
    const text = () => raw.slice(1, -1).replace(/\\(.)/g, '$1');
    if (entity === 'tag' || entity === 'tags') {
      if (!quoted || !STRING_OPS.includes(op)) throw invalid(`Invalid filter '${filter}': tags.${ident} takes =, !=, LIKE or ILIKE and a quoted string`);
      clauses.push({ attr: 'tag', key: ident, op, value: text() });
    } else if (entity !== 'attribute' && entity !== 'attributes' && entity !== 'attr') {
      throw invalid(`Invalid entity type '${entity}' in filter '${filter}': experiments are filtered on attributes (name, creation_time, last_update_time) and tags`);
    } else if (ident === 'name') {
      if (!quoted || !STRING_OPS.includes(op)) throw invalid(`Invalid filter '${filter}': name takes =, !=, LIKE or ILIKE and a quoted string`);
      clauses.push({ attr: 'name', op, value: text() });
    } else if (ident === 'creation_time' || ident === 'last_update_time') {
      if (quoted || op === 'LIKE' || op === 'ILIKE') throw invalid(`Invalid filter '${filter}': ${ident} takes a comparison with a number`);
      clauses.push({ attr: ident, op, value: Number(raw) });
    } else {
      throw invalid(`Invalid attribute key '${ident}' in filter '${filter}': this server filters experiments on name, creation_time, last_update_time and tags.<key>`);
    }
    rest = rest.slice(m[0].length).trim();
    if (rest === '' && /\bAND\s*$/i.test(m[0])) throw invalid(`Invalid filter '${filter}': nothing after AND`);
  }
  return clauses;
}

function matches(e: ExperimentSummary, c: Clause): boolean {
  let actual: string | number;
  if (c.attr === 'tag') {
    const tags = experimentTagsOf(e);
    if (!Object.hasOwn(tags, c.key)) return false;
    actual = tags[c.key]!;
  } else actual = c.attr === 'name' ? e.name : c.attr === 'creation_time' ? e.createdAt : e.updatedAt;
  switch (c.op) {
    case '=':
      return actual === c.value;
    case '!=':
      return actual !== c.value;
    case '>':
      return actual > c.value;
    case '>=':
      return actual >= c.value;
    case '<':
      return actual < c.value;
    case '<=':
      return actual <= c.value;
    case 'LIKE':
    case 'ILIKE':
      return mlflowLikeRegex(String(c.value), c.op === 'ILIKE').test(String(actual));
  }
}

const ORDER_KEYS = {
  name: (e: ExperimentSummary) => e.name,
  experiment_id: (e: ExperimentSummary) => e.id,
  creation_time: (e: ExperimentSummary) => e.createdAt,
  last_update_time: (e: ExperimentSummary) => e.updatedAt,
} as const;

function orderParse(items: string[]) {
  const order = items.map((item) => {
    const m = /^\s*(?:(?:attributes?|attr)\.)?(`[^`]+`|"[^"]+"|\w+)\s*(ASC|DESC)?\s*$/i.exec(item);
    const key = m?.[1]?.replace(/^[`"](.*)[`"]$/, '$1');
    if (!m || !key || !Object.hasOwn(ORDER_KEYS, key)) throw invalid(`Invalid order_by clause '${item}': use one of ${Object.keys(ORDER_KEYS).join(', ')} with ASC or DESC`);
    return { key: key as keyof typeof ORDER_KEYS, desc: m[2]?.toUpperCase() === 'DESC' };
  });
  if (order.length === 0) order.push({ key: 'creation_time', desc: true });
  if (!order.some((o) => o.key === 'experiment_id')) order.push({ key: 'experiment_id', desc: false });
  return order;
}

export function searchExperiments(all: ExperimentSummary[], q: { filter: string | undefined; orderBy: string[]; viewType: string | undefined }): ExperimentSummary[] {
  const stage = viewTypeParse(q.viewType);
  if (!stage) throw invalid(`Invalid value '${q.viewType}' for parameter 'view_type': use ACTIVE_ONLY, DELETED_ONLY or ALL`);
  const clauses = experimentFilterParse(q.filter);
  const order = orderParse(q.orderBy);
  return all
    .filter((e) => stage === 'all' || (stage === 'active') === (e.archivedAt === null))
    .filter((e) => clauses.every((c) => matches(e, c)))
    .sort((a, b) => {
      for (const o of order) {
        const x = ORDER_KEYS[o.key](a);
        const y = ORDER_KEYS[o.key](b);
        if (x !== y) return (x < y ? -1 : 1) * (o.desc ? -1 : 1);
      }
      return 0;
    });
}
