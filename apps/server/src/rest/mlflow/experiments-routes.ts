// experiments/update (rename), delete and restore (Quorum's archive, cascading to the
// runs), experiment tags, and the legacy 1.x experiments/list that the npm `mlflow`
// client still calls. The tag `mlflow.note.content` is the experiment's description.
import { EXPERIMENT_TAG_LIMITS, experimentCreateInput, experimentSetTagsInput } from '@quorum/contracts';
import { ServiceError } from '../../services/errors';
import { experimentArchive, experimentDescribe, experimentRename, experimentSetTags, experimentsList } from '../../services/experiments';
import { mlflowAuthorize } from './auth';
import { experimentNotFound, invalid, MlflowError } from './errors';
import { searchExperiments } from './experiment-search';
import { findExperiment, type Ctx, type Handler, type Route } from './lookup';
import {
  experimentJson,
  experimentTagsOf,
  int64,
  keyOf,
  list,
  nonEmpty,
  NOTE_TAG,
  pageTokenDecode,
  pageTokenEncode,
  reqStr,
  str,
  value,
  type Fields,
} from './wire';

/** An experiment tag's value: MLflow refuses (rather than truncates) one over 5000 characters. */
function experimentTagValue(src: Fields, name = 'value'): string {
  const v = value(src, 'value');
  if (v.length > EXPERIMENT_TAG_LIMITS.valueLength) throw invalid(`'${name}' exceeds the maximum length of ${EXPERIMENT_TAG_LIMITS.valueLength} characters`);
  return v;
}

/**
 * experiments/create's `tags[]`: `mlflow.note.content` becomes the description, the rest
 * are stored as tags (a key given twice keeps its last value).
 */
export function experimentCreateTags(src: Fields): { description?: string; tags: { key: string; value: string }[] } {
  const pairs = list(src, 'tags').map((t, i) => {
    const key = keyOf(t, 'key');
    if (key.length > EXPERIMENT_TAG_LIMITS.keyLength) throw invalid(`'tags[${i}].key' exceeds the maximum length of ${EXPERIMENT_TAG_LIMITS.keyLength} characters`);
    return { key, value: experimentTagValue(t, `tags[${i}].value`) };
  });
  if (pairs.length > EXPERIMENT_TAG_LIMITS.perRequest) throw invalid(`An experiment can be created with at most ${EXPERIMENT_TAG_LIMITS.perRequest} tags; received ${pairs.length}`);
  const description = pairs.findLast((t) => t.key === NOTE_TAG)?.value;
  return { ...(description !== undefined && { description }), tags: pairs.filter((t) => t.key !== NOTE_TAG) };
}

export function registerExperimentRoutes(route: Route): void {
  route(['post'], '/experiments/update', async (req, ctx, src) => {
    const id = reqStr(src, 'experiment_id');
    const newName = reqStr(src, 'new_name');
    const experiment = await findExperiment(ctx, id);
    if (experiment.archivedAt !== null) throw new MlflowError('INVALID_STATE', 'Cannot rename a non-active experiment.');
    await mlflowAuthorize(req, ctx, 'experiments.rename');
    const { name } = experimentCreateInput.parse({ name: newName });
    await experimentRename(ctx, { id: experiment.id, name }).catch((e: unknown) => {
      if (e instanceof ServiceError && e.code === 'CONFLICT') throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${name}) already exists. Error: ${e.message}`);
      throw e;
    });
    return {};
  });

  // MLflow soft-deletes an experiment with all its runs; restoring brings back the runs
  // deleted with it (or later), not those deleted before.
  const archive = (archived: boolean) =>
    route(['post'], archived ? '/experiments/delete' : '/experiments/restore', async (req, ctx, src) => {
      const id = reqStr(src, 'experiment_id');
      const experiment = await findExperiment(ctx, id);
      if ((experiment.archivedAt !== null) === archived) throw experimentNotFound(id);
      await mlflowAuthorize(req, ctx, 'experiments.archive');
      await experimentArchive(ctx, { id: experiment.id, archived, cascadeRuns: true });
      return {};
    });
  archive(true);
  archive(false);

  /** The active experiment a tag request names, and the tag's key. */
  const tagTarget = async (ctx: Ctx, src: Fields) => {
    const id = reqStr(src, 'experiment_id');
    const key = keyOf(src);
    if (key.length > EXPERIMENT_TAG_LIMITS.keyLength) throw invalid(`'key' exceeds the maximum length of ${EXPERIMENT_TAG_LIMITS.keyLength} characters`);
    const experiment = await findExperiment(ctx, id);
    if (experiment.archivedAt !== null) throw invalid(`The experiment ${id} must be in the 'active' state. Current state is deleted.`);
    return { id, key, experiment };
  };
  // `experimentsset-experiment-tag` is the path the npm `mlflow` 2.0.7 client sends (a missing slash).
  const setTag: Handler = async (req, ctx, src) => {
    const { key, experiment } = await tagTarget(ctx, src);
    const tagValue = experimentTagValue(src);
    await mlflowAuthorize(req, ctx, 'experiments.setTags');
    if (key === NOTE_TAG) await experimentDescribe(ctx, { id: experiment.id, description: tagValue });
    else await experimentSetTags(ctx, experimentSetTagsInput.parse({ id: experiment.id, set: [{ key, value: tagValue }] }));
    return {};
  };
  route(['post'], '/experiments/set-experiment-tag', setTag);
  route(['post'], '/experimentsset-experiment-tag', setTag);
  route(['post'], '/experiments/delete-experiment-tag', async (req, ctx, src) => {
    const { id, key, experiment } = await tagTarget(ctx, src);
    const absent = new MlflowError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in experiment with id ${id}`);
    if (!Object.hasOwn(experimentTagsOf(experiment), key)) throw absent;
    await mlflowAuthorize(req, ctx, 'experiments.setTags');
    if (key === NOTE_TAG) await experimentDescribe(ctx, { id: experiment.id, description: '' });
    else {
      // The service checks again inside its transaction; its NOT_FOUND carries MLflow's id.
      await experimentSetTags(ctx, experimentSetTagsInput.parse({ id: experiment.id, remove: [key] })).catch((e: unknown) => {
        if (e instanceof ServiceError && e.code === 'NOT_FOUND') throw absent;
        throw e;
      });
    }
    return {};
  });

  route(['get'], '/experiments/list', async (_req, ctx, src) => {
    const maxResults = int64(src, 'max_results');
    if (maxResults !== undefined && (maxResults < 1 || maxResults > 50_000)) throw invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be between 1 and 50000`);
    const offset = pageTokenDecode(str(src, 'page_token'));
    const found = searchExperiments(await experimentsList(ctx, { includeArchived: true }), { filter: undefined, orderBy: [], viewType: str(src, 'view_type') });
    const page = maxResults === undefined ? found.slice(offset) : found.slice(offset, offset + maxResults);
    const next = offset + page.length;
    return { ...nonEmpty('experiments', page.map(experimentJson)), ...(next < found.length && { next_page_token: pageTokenEncode(next) }) };
  });
}
