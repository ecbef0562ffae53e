// Copies registered models and their versions into Quorum through Quorum's own
// MLflow-compatible registry endpoints. Quorum numbers versions max+1, so versions are
// created in order and the import stops for a model whose numbering would diverge.
// Stages and aliases are not moved (an alias move in Quorum needs a promotion request):
// they are recorded as version tags instead.
import type { QuorumApi } from '../client';
import { filterLiteral, MlflowHttp, MlflowHttpError } from './mlflow-http';
import { apiStatus, failureIsFatal, withRetry } from './retry';
import { IMPORT_MARKER_TAG } from './run-import';
import type { MlflowModelVersion, MlflowRegisteredModel } from './source';

export const STAGE_TAG = 'quorum.import.stage';
export const ALIASES_TAG = 'quorum.import.aliases';
/** The MLflow run a version came from, when that run is not in Quorum (deleted or not imported). */
export const SOURCE_RUN_TAG = 'quorum.import.run_id';
/** On a placeholder for a version deleted in MLflow. */
export const DELETED_TAG = 'quorum.import.deleted';
const PLACEHOLDER_SOURCE = 'deleted in MLflow';

export interface RegistryCounts {
  modelsImported: number;
  modelsExisting: number;
  versionsImported: number;
  versionsExisting: number;
  /** Versions whose stage or aliases were recorded as tags. */
  stagesRecorded: number;
  aliasesRecorded: number;
  /** Deleted placeholders made for versions deleted in MLflow, so later numbers match. */
  placeholders: number;
  /** Placeholders left visible because this token may not delete versions. */
  placeholdersKept: number;
}

/** A model this import cannot finish; the message says which version and why. */
export class ModelImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelImportError';
  }
}

/** Quorum answers 404 ENDPOINT_NOT_FOUND: it does not serve MLflow's registry API at all. */
export class RegistryUnavailableError extends Error {
  constructor(detail: string) {
    super(`This Quorum server does not serve the MLflow registry API (${detail}); the runs were imported, run the import again once it does`);
    this.name = 'RegistryUnavailableError';
  }
}

interface QuorumVersion {
  version: string;
  tags?: { key: string; value?: string }[];
}

const tagOf = (v: QuorumVersion, key: string) => v.tags?.find((t) => t.key === key)?.value;
const tagList = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));

function endpointMissing(error: unknown): never | void {
  if (error instanceof MlflowHttpError && error.status === 404 && error.errorCode === 'ENDPOINT_NOT_FOUND') throw new RegistryUnavailableError(error.message);
}

export class RegistryImporter {
  private readonly http: MlflowHttp;

  constructor(
    quorum: { url: string; token?: string | undefined },
    private readonly api: QuorumApi,
    private readonly sourceLabel: string,
    private readonly dryRun: boolean,
  ) {
    this.http = new MlflowHttp({ baseUrl: quorum.url, authorization: quorum.token ? `Bearer ${quorum.token}` : undefined });
  }

  async importModel(model: MlflowRegisteredModel, counts: RegistryCounts): Promise<void> {
    const name = model.name;
    const exists = await this.modelExists(name);
    if (exists) counts.modelsExisting++;
    else {
      if (!this.dryRun) await this.modelCreate(model);
      counts.modelsImported++;
    }
    const present = exists ? await this.versionsOf(name) : new Map<number, QuorumVersion>();
    if (!this.dryRun) {
      // Placeholders whose delete was cut short (or refused) are deleted now.
      for (const [n, v] of present) if (tagOf(v, DELETED_TAG) !== undefined && (await this.placeholderDelete(name, n, counts))) present.delete(n);
    }
    let next = exists ? await this.nextNumber(name, present) : 1;
    for (const v of model.versions) {
      const there = present.get(v.version);
      if (there) {
        if (tagOf(there, IMPORT_MARKER_TAG) === undefined) {
          throw new ModelImportError(`model "${name}": Quorum already has a version ${v.version} that was not imported from MLflow, so versions from ${v.version} on are not imported`);
        }
        counts.versionsExisting++;
        continue;
      }
      if (v.version < next) {
        throw new ModelImportError(`model "${name}": Quorum's version ${v.version} exists but is deleted, so MLflow's version ${v.version} and later ones are not imported`);
      }
      // A version deleted in MLflow still holds its number: a deleted placeholder keeps the numbers aligned.
      for (; next < v.version; next++) {
        if (!this.dryRun) await this.placeholderCreate(name, next, counts);
        counts.placeholders++;
      }
      if (!this.dryRun) await this.versionCreate(name, v);
      next = v.version + 1;
      counts.versionsImported++;
      if (v.stage !== 'None') counts.stagesRecorded++;
      if (v.aliases.length > 0) counts.aliasesRecorded++;
    }
  }

  /**
   * The number Quorum gives the next version: after the highest live one, and after any
   * deleted ones above it (deleted versions keep their numbers; the tRPC API still finds them).
   */
  private async nextNumber(name: string, present: Map<number, QuorumVersion>): Promise<number> {
    let next = Math.max(0, ...present.keys()) + 1;
    for (;;) {
      try {
        const probe = next;
        await withRetry(() => this.api.versions.byNumber.query({ model: name, version: probe }));
        next++;
      } catch (error) {
        if (apiStatus(error) === 404) return next;
        throw error;
      }
    }
  }

  /** Stands in for a version deleted in MLflow, and is deleted at once (refused for roles that may not delete versions). */
  private async placeholderCreate(name: string, n: number, counts: RegistryCounts): Promise<void> {
    const tags = { [IMPORT_MARKER_TAG]: `${this.sourceLabel}#${name}/${n}`, [DELETED_TAG]: 'true' };
    const number = await this.createOnce(name, n, { name, source: PLACEHOLDER_SOURCE, description: `Version ${n} was deleted in MLflow`, tags: tagList(tags) });
    if (number !== n) throw new ModelImportError(`model "${name}": the placeholder for MLflow's deleted version ${n} became version ${number} in Quorum; later versions are not imported`);
    await this.placeholderDelete(name, n, counts);
  }

  /** Deletes a placeholder; false when this token may not delete versions (it stays, tagged). */
  private async placeholderDelete(name: string, n: number, counts: RegistryCounts): Promise<boolean> {
    try {
      await this.http.delete('model-versions/delete', { name, version: String(n) });
      return true;
    } catch (error) {
      if (!(error instanceof MlflowHttpError && error.status === 403)) throw error;
      counts.placeholdersKept++;
      return false;
    }
  }

  private async modelExists(name: string): Promise<boolean> {
    try {
      await this.http.get('registered-models/get', { name });
      return true;
    } catch (error) {
      endpointMissing(error);
      if (error instanceof MlflowHttpError && error.errorCode === 'RESOURCE_DOES_NOT_EXIST') return false;
      throw error;
    }
  }

  private async modelCreate(model: MlflowRegisteredModel): Promise<void> {
    try {
      await this.http.post('registered-models/create', { name: model.name, ...(model.description && { description: model.description }), tags: tagList(model.tags) }, { once: true });
    } catch (error) {
      endpointMissing(error);
      // Created by an earlier attempt whose answer was lost.
      if (error instanceof MlflowHttpError && error.errorCode === 'RESOURCE_ALREADY_EXISTS') return;
      if (failureIsFatal(error)) throw error;
      throw new ModelImportError(`model "${model.name}": ${(error as Error).message}`);
    }
  }

  private async versionsOf(name: string): Promise<Map<number, QuorumVersion>> {
    const out = new Map<number, QuorumVersion>();
    let pageToken: string | undefined;
    do {
      const page = await this.http.get<{ model_versions?: QuorumVersion[]; next_page_token?: string }>('model-versions/search', {
        filter: `name=${filterLiteral(name)}`,
        page_token: pageToken,
      });
      for (const v of page.model_versions ?? []) out.set(Number(v.version), v);
      pageToken = page.model_versions?.length ? page.next_page_token : undefined;
    } while (pageToken);
    return out;
  }

  /** Whether the version's run is in Quorum, so the version can point at it. */
  private async runPresent(runId: string): Promise<boolean> {
    try {
      await withRetry(() => this.api.runs.get.query({ runId }));
      return true;
    } catch (error) {
      if (apiStatus(error) === 404 || apiStatus(error) === 400) return false;
      throw error;
    }
  }

  private async versionCreate(name: string, v: MlflowModelVersion): Promise<void> {
    const linked = v.runId !== undefined && (await this.runPresent(v.runId));
    const tags: Record<string, string> = {
      ...v.tags,
      [IMPORT_MARKER_TAG]: `${this.sourceLabel}#${name}/${v.version}`,
      ...(v.stage !== 'None' && { [STAGE_TAG]: v.stage }),
      ...(v.aliases.length > 0 && { [ALIASES_TAG]: v.aliases.join(',') }),
      ...(v.runId !== undefined && !linked && { [SOURCE_RUN_TAG]: v.runId }),
    };
    const number = await this.createOnce(name, v.version, {
      name,
      source: v.source,
      ...(linked && { run_id: v.runId }),
      ...(v.description && { description: v.description }),
      ...(v.runLink && { run_link: v.runLink }),
      tags: tagList(tags),
    });
    if (number !== v.version) {
      throw new ModelImportError(
        `model "${name}": MLflow's version ${v.version} became version ${number} in Quorum (its tag ${IMPORT_MARKER_TAG} names the MLflow version); later versions are not imported`,
      );
    }
  }

  /** model-versions/create, not retried (a second create would make another version): a re-run sees what landed. */
  private async createOnce(name: string, n: number, body: object): Promise<number> {
    try {
      const created = await this.http.post<{ model_version?: { version?: string | number } }>('model-versions/create', body, { once: true });
      return Number(created.model_version?.version);
    } catch (error) {
      endpointMissing(error);
      if (failureIsFatal(error)) throw error;
      throw new ModelImportError(`model "${name}" version ${n}: ${(error as Error).message}`);
    }
  }
}
