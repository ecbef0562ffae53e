// runs.search: the filter language, sorting and cursor pagination over runs.
import type { RunSearchInput } from '@quorum/contracts';
import { runSearchIds, runsWithData, type RunWithData, type SortField } from '@quorum/db';
import { FilterSyntaxError, filterParse } from '@quorum/domain';
import type { ServiceContext } from './context';
import { badRequest } from './errors';

const ATTRIBUTES = ['run_id', 'run_name', 'status', 'start_time', 'end_time', 'user', 'source_commit', 'experiment_id', 'created'] as const;
const ATTRIBUTE_ALIASES: Record<string, (typeof ATTRIBUTES)[number]> = { name: 'run_name', user_id: 'user' };

/** Reads a sort field: `metrics.<key>`, `params.<key>`, `tags.<key>` or an attribute name. */
export function runSortFieldParse(text: string): SortField {
  const m = /^(metrics?|params?|tags?|attributes?)\.(.+)$/.exec(text.trim());
  if (m) {
    const kind = m[1]!.replace(/s$/, '') as 'metric' | 'param' | 'tag' | 'attribute';
    const key = m[2]!.replace(/^[`"](.*)[`"]$/, '$1');
    if (kind !== 'attribute') return { kind, key };
    return attributeField(key, text);
  }
  return attributeField(text.trim(), text);
}

function attributeField(name: string, text: string): SortField {
  const resolved = ATTRIBUTE_ALIASES[name] ?? name;
  if (!(ATTRIBUTES as readonly string[]).includes(resolved)) {
    throw badRequest(`Cannot sort by "${text}": use metrics.<key>, params.<key>, tags.<key> or one of ${ATTRIBUTES.join(', ')}`);
  }
  return { kind: 'attribute', name: resolved as (typeof ATTRIBUTES)[number] };
}

/** The cursor is the offset of the next page, opaque to clients. */
function cursorDecode(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(n) || n < 0) throw badRequest('The page cursor is not one this server issued; start again without it');
  return n;
}
/** The cursor of the page starting at `offset` (MLflow's page tokens carry offsets too). */
export const runSearchCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

export interface RunSearchResult {
  runs: RunWithData[];
  total: number;
  nextCursor: string | null;
}

export async function runSearch(ctx: ServiceContext, input: RunSearchInput): Promise<RunSearchResult> {
  let filter;
  try {
    filter = filterParse(input.filter);
  } catch (e) {
    if (e instanceof FilterSyntaxError) {
      throw badRequest(e.message, { position: e.position, line: e.line, column: e.column });
    }
    throw e;
  }
  const offset = cursorDecode(input.cursor);
  const sort = input.orderBy ? { field: runSortFieldParse(input.orderBy.field), direction: input.orderBy.direction } : null;
  const { ids, total } = await runSearchIds(ctx.db, {
    experimentIds: input.experimentIds,
    lifecycle: input.lifecycle,
    filter,
    sort,
    limit: input.limit,
    offset,
  });
  const runs = await runsWithData(ctx.db, ids);
  const next = offset + ids.length;
  return { runs, total, nextCursor: next < total ? runSearchCursor(next) : null };
}
