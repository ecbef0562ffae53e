// experiments/update (rename), delete and restore (Quorum's archive), and the legacy
// 1.x experiments/list that the npm `mlflow` client still calls. Experiment tags: Quorum
// keeps only the description, which is MLflow's `mlflow.note.content` tag.
import { experimentCreateInput } from '@quorum/contracts';
import { ServiceError } from '../../services/errors';
import { experimentArchive, experimentDescribe, experimentRename, experimentsList } from '../../services/experiments';
import { mlflowAuthorize } from './auth';
import { experimentNotFound, invalid, MlflowError } from './errors';
import { searchExperiments } from './experiment-search';
import { findExperiment, type Ctx, type Handler, type Route } from './lookup';
import { experimentJson, int64, nonEmpty, NOTE_TAG, pageTokenDecode, pageTokenEncode, reqStr, str, value, type Fields } from './wire';

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

  // MLflow soft-deletes; Quorum archives. The experiment's runs keep their own state.
  const archive = (archived: boolean) =>
    route(['post'], archived ? '/experiments/delete' : '/experiments/restore', async (req, ctx, src) => {
      const id = reqStr(src, 'experiment_id');
      const experiment = await findExperiment(ctx, id);
      if ((experiment.archivedAt !== null) === archived) throw experimentNotFound(id);
      await mlflowAuthorize(req, ctx, 'experiments.archive');
      await experimentArchive(ctx, { id: experiment.id, archived });
      return {};
    });
  archive(true);
  archive(false);

  /** The experiment a tag request names, active, and the (only) key this server stores. */
  const noteTarget = async (ctx: Ctx, src: Fields) => {
    const id = reqStr(src, 'experiment_id');
    const key = reqStr(src, 'key');
    const experiment = await findExperiment(ctx, id);
    if (experiment.archivedAt !== null) throw invalid(`The experiment ${id} must be in the 'active' state. Current state is deleted.`);
    if (key !== NOTE_TAG) throw invalid(`Invalid value '${key}' for parameter 'key': this server stores only the experiment tag ${NOTE_TAG} (the experiment's description)`);
    return { id, key, experiment };
  };
  // `experimentsset-experiment-tag` is the path the npm `mlflow` 2.0.7 client sends (a missing slash).
  const setNote: Handler = async (req, ctx, src) => {
    const { experiment } = await noteTarget(ctx, src);
    const description = value(src, 'value');
    if (description.length > 5_000) throw invalid(`'value' exceeds the maximum length of 5000 characters`);
    await mlflowAuthorize(req, ctx, 'experiments.rename');
    await experimentDescribe(ctx, { id: experiment.id, description });
    return {};
  };
  route(['post'], '/experiments/set-experiment-tag', setNote);
  route(['post'], '/experimentsset-experiment-tag', setNote);
  route(['post'], '/experiments/delete-experiment-tag', async (req, ctx, src) => {
    const { id, key, experiment } = await noteTarget(ctx, src);
    if (!experiment.description) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in experiment with id ${id}`);
    await mlflowAuthorize(req, ctx, 'experiments.rename');
    await experimentDescribe(ctx, { id: experiment.id, description: '' });
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
