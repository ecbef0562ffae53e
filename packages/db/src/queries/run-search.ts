// Compiles a parsed run filter (domain's FilterExpr) to parameterised SQL and runs the
// search. Every literal and key becomes a bound parameter; only fixed SQL text and
// column names chosen from a closed list reach the query string.
import { sql, type SQL } from 'drizzle-orm';
import type { FilterExpr, FilterField, FilterLiteral } from '@quorum/domain';
import { queryRows } from '../rows';
import type { Db } from '../types';

type Attribute = Extract<FilterField, { kind: 'attribute' }>['name'];

const attributeColumn: Record<Attribute, SQL> = {
  run_id: sql`r.id`,
  run_name: sql`r.name`,
  status: sql`r.status`,
  start_time: sql`r.start_time`,
  end_time: sql`r.end_time`,
  user: sql`r.user_id`,
  source_commit: sql`r.source_commit`,
  experiment_id: sql`r.experiment_id`,
  created: sql`r.start_time`,
};

const NUMERIC_TEXT = '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$';
/** A text column read as a number when it holds one, else NULL (so it never matches). */
const asNumber = (column: SQL) => sql`(case when ${column} ~ ${NUMERIC_TEXT} then ${column}::float8 end)`;

const keyed = { metric: 'latest_metrics', param: 'params', tag: 'tags' } as const;

function literal(v: FilterLiteral): SQL {
  return v.type === 'number' ? sql`${v.value}::float8` : sql`${v.value}::text`;
}

/** The value expression of a keyed field (inside its EXISTS), cast for the literal's kind. */
function keyedValue(field: Exclude<FilterField, { kind: 'attribute' }>, kind: FilterLiteral['type']): SQL {
  if (field.kind === 'metric') return sql`x.value`;
  return kind === 'number' ? asNumber(sql`x.value`) : sql`x.value`;
}

function attributeValue(name: Attribute, kind: FilterLiteral['type']): SQL {
  const column = attributeColumn[name];
  const numeric = name === 'start_time' || name === 'end_time' || name === 'created' || name === 'experiment_id';
  if (numeric) return kind === 'number' ? sql`${column}::float8` : sql`${column}::text`;
  return kind === 'number' ? asNumber(column) : column;
}

/** Wraps a condition on `x.value` in EXISTS over the keyed table for this run and key. */
function exists(field: Exclude<FilterField, { kind: 'attribute' }>, condition: SQL): SQL {
  return sql`exists (select 1 from ${sql.raw(keyed[field.kind])} x where x.run_id = r.id and x.key = ${field.key} and ${condition})`;
}

function comparison(field: FilterField, build: (value: (kind: FilterLiteral['type']) => SQL) => SQL): SQL {
  if (field.kind === 'attribute') return build((kind) => attributeValue(field.name, kind));
  return exists(field, build((kind) => keyedValue(field, kind)));
}

const OPS = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/** SQL for a filter expression over the runs table aliased `r`. */
export function runFilterSql(expr: FilterExpr): SQL {
  switch (expr.type) {
    case 'and':
    case 'or':
      return sql`(${sql.join(expr.items.map(runFilterSql), sql.raw(expr.type === 'and' ? ' and ' : ' or '))})`;
    case 'not':
      return sql`(not ${runFilterSql(expr.item)})`;
    case 'compare':
      return comparison(expr.field, (value) => sql`${value(expr.value.type)} ${sql.raw(OPS[expr.op])} ${literal(expr.value)}`);
    case 'like': {
      const op = sql.raw(`${expr.negated ? 'not ' : ''}${expr.op === 'ILIKE' ? 'ilike' : 'like'}`);
      return comparison(expr.field, (value) => sql`${value('string')}::text ${op} ${expr.pattern}::text`);
    }
    case 'in': {
      const kind = expr.values[0]?.type ?? 'string';
      const list =
        kind === 'number'
          ? sql`${sql.param(expr.values.map((v) => v.value))}::float8[]`
          : sql`${sql.param(expr.values.map((v) => String(v.value)))}::text[]`;
      const test = (value: (k: FilterLiteral['type']) => SQL) => sql`${value(kind)} = any(${list})`;
      return expr.negated
        ? comparison(expr.field, (value) => sql`not ${test(value)}`)
        : comparison(expr.field, test);
    }
    case 'null': {
      if (expr.field.kind === 'attribute') {
        return sql`${attributeColumn[expr.field.name]} is ${sql.raw(expr.negated ? 'not null' : 'null')}`;
      }
      const has = exists(expr.field, sql`true`);
      return expr.negated ? has : sql`(not ${has})`;
    }
  }
}

export type SortField =
  | { kind: 'metric' | 'param' | 'tag'; key: string }
  | { kind: 'attribute'; name: Attribute };

export interface RunSearchQuery {
  experimentIds: readonly number[];
  /** Undeleted runs (the default), soft-deleted runs, or both. */
  lifecycle?: 'active' | 'deleted' | 'all' | undefined;
  filter: FilterExpr | null;
  sort: { field: SortField; direction: 'asc' | 'desc' } | null;
  limit: number;
  offset: number;
}

/** Ids of the matching runs in sort order, one page of them, and how many match in all. */
export async function runSearchIds(db: Db, q: RunSearchQuery): Promise<{ ids: string[]; total: number }> {
  const lifecycle = { active: sql`and r.deleted_at is null`, deleted: sql`and r.deleted_at is not null`, all: sql`` }[q.lifecycle ?? 'active'];
  const where = sql`r.experiment_id = any(${sql.param([...q.experimentIds])}::int[]) ${lifecycle}
    ${q.filter ? sql`and ${runFilterSql(q.filter)}` : sql``}`;
  const dir = sql.raw(q.sort?.direction === 'asc' ? 'asc' : 'desc');
  let join = sql``;
  let order = sql`r.start_time desc, r.id`;
  if (q.sort) {
    const f = q.sort.field;
    if (f.kind === 'attribute') {
      order = sql`${attributeColumn[f.name]} ${dir} nulls last, r.id`;
    } else {
      join = sql`left join ${sql.raw(keyed[f.kind])} so on so.run_id = r.id and so.key = ${f.key}`;
      order =
        f.kind === 'metric'
          ? sql`(so.value is null or so.value = 'NaN'), so.value ${dir}, r.start_time desc, r.id`
          : sql`(so.value is null), ${asNumber(sql`so.value`)} ${dir} nulls last, so.value ${dir}, r.start_time desc, r.id`;
    }
  }
  // The total rides along on each row (one scan instead of a second count query); a page
  // past the end has no row to carry it, so only then is it counted apart.
  const page = await queryRows<{ id: string; total: number }>(
    db,
    sql`select r.id, count(*) over ()::int as total from runs r ${join} where ${where} order by ${order} limit ${q.limit} offset ${q.offset}`,
  );
  if (page.length > 0) return { ids: page.map((r) => r.id), total: page[0]!.total };
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from runs r where ${where}`);
  return { ids: [], total: count?.n ?? 0 };
}
