// runs/search (MLflow's filter grammar over Quorum's runSearch, with each run's dataset
// inputs), runs/delete and runs/restore (soft delete), runs/delete-tag.
import type { RunLifecycle } from '@quorum/contracts';
import { experimentFindByName, runInputsByRun } from '@quorum/db';
import { filterParse, FilterSyntaxError, type FilterExpr } from '@quorum/domain';
import { runSearch, runSearchCursor } from '../../services/run-search';
import { runSetDeleted, runTagDelete } from '../../services/runs';
import { mlflowAuthorize } from './auth';
import { invalid } from './errors';
import { asRunError, DEFAULT_EXPERIMENT_NAME, requireRun, type Ctx, type Route } from './lookup';
import { int64, nonEmpty, pageTokenDecode, pageTokenEncode, reqStr, runIdOf, runJson, str, strings, viewTypeParse, type Fields } from './wire';

/** Quorum's runSearch pages at most this many runs; larger MLflow pages are fetched in chunks. */
const QUORUM_PAGE = 1_000;
const MAX_EXPERIMENTS = 100;

/** MLflow's filter is `clause (AND clause)*`: Quorum's OR and NOT are refused as MLflow does. */
export function mlflowRunFilterCheck(filter: string): void {
  let expr: FilterExpr | null;
  try {
    expr = filterParse(filter);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw invalid(`Invalid filter '${filter}': ${e.message}`);
    throw e;
  }
  const walk = (x: FilterExpr): void => {
    if (x.type === 'or' || x.type === 'not') throw invalid(`Invalid clause(s) in filter string: '${filter}'. Only clauses joined by AND are supported`);
    if (x.type === 'and') x.items.forEach(walk);
  };
  if (expr) walk(expr);
}

const ORDER_PREFIX: Record<string, string> = {
  metric: 'metrics', metrics: 'metrics', param: 'params', params: 'params', parameter: 'params', parameters: 'params',
  tag: 'tags', tags: 'tags', attribute: 'attributes', attributes: 'attributes', attr: 'attributes', run: 'attributes',
};

/** `metrics.auc DESC` → Quorum's `{ field, direction }`; MLflow's default direction is ASC. */
export function mlflowRunOrderBy(items: string[]): { field: string; direction: 'asc' | 'desc' } | undefined {
  if (items.length === 0) return undefined;
  if (items.length > 1) throw invalid(`Invalid order_by ${JSON.stringify(items)}: this server orders runs by one key (then start_time DESC, run_id)`);
  const m = /^\s*(?:(`[^`]+`|"[^"]+"|\w+)\.)?(`[^`]+`|"[^"]+"|[^\s`"]+)\s*(ASC|DESC)?\s*$/i.exec(items[0]!);
  const unquote = (s: string) => s.replace(/^[`"](.*)[`"]$/, '$1');
  const prefix = m?.[1] === undefined ? 'attributes' : ORDER_PREFIX[unquote(m[1]).toLowerCase()];
  if (!m || !prefix) throw invalid(`Invalid order_by clause '${items[0]}': use metrics.<key>, params.<key>, tags.<key> or an attribute, then ASC or DESC`);
  const key = unquote(m[2]!);
  return { field: `${prefix}.${prefix === 'attributes' ? key : `\`${key}\``}`, direction: m[3]?.toUpperCase() === 'DESC' ? 'desc' : 'asc' };
}

/** MLflow experiment ids → Quorum's; "0" is "Default"; ids that name nothing match no run. */
async function experimentIdsOf(ctx: Ctx, ids: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const id of ids) {
    if (id === '0') {
      const found = await experimentFindByName(ctx.db, DEFAULT_EXPERIMENT_NAME);
      if (found) out.push(found.id);
    } else if (/^\d+$/.test(id) && Number(id) >= 1 && Number(id) <= 2 ** 31 - 1) out.push(Number(id));
  }
  return [...new Set(out)];
}

/** MLflow's ViewType, by name (any case) or number, as Quorum's run lifecycle. */
function viewTypeOf(src: Fields): RunLifecycle {
  const v = str(src, 'run_view_type');
  const lifecycle: RunLifecycle | null = viewTypeParse(v);
  if (!lifecycle) throw invalid(`Invalid value '${v}' for parameter 'run_view_type': use ACTIVE_ONLY (1), DELETED_ONLY (2) or ALL (3)`);
  return lifecycle;
}

export function registerRunRoutes(route: Route): void {
  route(['post'], '/runs/search', async (_req, ctx, src) => {
    const lifecycle = viewTypeOf(src);
    const maxResults = int64(src, 'max_results') ?? 1000;
    if (maxResults < 1 || maxResults > 50_000) throw invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000, and at least 1`);
    const filter = str(src, 'filter') ?? '';
    mlflowRunFilterCheck(filter);
    const orderBy = mlflowRunOrderBy(strings(src, 'order_by'));
    const offset = pageTokenDecode(str(src, 'page_token'));
    const requested = strings(src, 'experiment_ids');
    if (requested.length > MAX_EXPERIMENTS) throw invalid(`Invalid value for parameter 'experiment_ids': at most ${MAX_EXPERIMENTS} experiments per search`);
    const experimentIds = await experimentIdsOf(ctx, requested);
    if (experimentIds.length === 0) return {};
    const runs = [];
    let total = 0;
    for (let at = offset; runs.length < maxResults; ) {
      const limit = Math.min(QUORUM_PAGE, maxResults - runs.length);
      const page = await runSearch(ctx, { experimentIds, lifecycle, filter, orderBy, limit, cursor: at === 0 ? null : runSearchCursor(at) });
      total = page.total;
      runs.push(...page.runs);
      at += page.runs.length;
      if (page.runs.length < limit || at >= total) break;
    }
    const next = offset + runs.length;
    const inputs = await runInputsByRun(ctx.db, runs.map((r) => r.id));
    return {
      ...nonEmpty('runs', runs.map((r) => runJson({ ...r, inputs: inputs.get(r.id) ?? [] }))),
      ...(next < total && { next_page_token: pageTokenEncode(next) }),
    };
  });

  // Idempotent soft delete and restore, authorised as a run update.
  const lifecycle = (deleted: boolean) =>
    route(['post'], deleted ? '/runs/delete' : '/runs/restore', async (req, ctx, src) => {
      const runId = runIdOf(src);
      await requireRun(ctx, runId, false);
      await mlflowAuthorize(req, ctx, 'runs.update');
      await runSetDeleted(ctx, { runId, deleted }).catch(asRunError(runId));
      return {};
    });
  lifecycle(true);
  lifecycle(false);

  route(['post'], '/runs/delete-tag', async (req, ctx, src) => {
    const runId = runIdOf(src);
    const key = reqStr(src, 'key');
    await requireRun(ctx, runId, true);
    await mlflowAuthorize(req, ctx, 'runs.update');
    await runTagDelete(ctx, { runId, key });
    return {};
  });
}
