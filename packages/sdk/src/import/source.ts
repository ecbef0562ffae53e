// What an MLflow importer reads, whatever it reads it from: an `mlruns` file store or
// a tracking server's REST API. Both readers yield the same shapes, in a stable order.

export type MlflowRunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
export type MlflowLifecycle = 'active' | 'deleted';

export interface MlflowExperiment {
  id: string;
  name: string;
  lifecycleStage: MlflowLifecycle;
  tags: Record<string, string>;
}

export interface MlflowDatasetInput {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  /** MLflow's schema JSON (`{"mlflow_colspec": [...]}`), when it was logged. */
  schema?: string | undefined;
  /** `mlflow.data.context` (train, eval…), or ''. */
  context: string;
}

export interface MlflowRun {
  id: string;
  experimentId: string;
  name: string;
  userId: string;
  status: MlflowRunStatus;
  startTime: number;
  endTime: number | null;
  lifecycleStage: MlflowLifecycle;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Keys with at least one point; their histories come from `metricHistory`. */
  metricKeys: string[];
  inputs: MlflowDatasetInput[];
}

export interface MlflowMetricPoint {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export interface MlflowModelVersion {
  version: number;
  source: string;
  runId: string | undefined;
  runLink: string | undefined;
  description: string | undefined;
  /** None, Staging, Production or Archived. */
  stage: string;
  aliases: string[];
  tags: Record<string, string>;
}

export interface MlflowRegisteredModel {
  name: string;
  description: string | undefined;
  tags: Record<string, string>;
  /** Live versions in ascending order (deleted ones are not listed). */
  versions: MlflowModelVersion[];
}

export interface MlflowSource {
  /** How the source is named in messages and in the import marker: a path or a URL without credentials. */
  readonly label: string;
  /** Throws an ImportInputError with a clear message when the source cannot be read. */
  check(): Promise<void>;
  /** Every experiment, deleted ones included (lifecycleStage says which). */
  experiments(): AsyncIterable<MlflowExperiment>;
  /** The experiment's runs; a source may include deleted runs so they can be counted. */
  runs(experiment: MlflowExperiment): AsyncIterable<MlflowRun>;
  /** One metric's full history, in the order the source stores it. */
  metricHistory(run: MlflowRun, key: string): Promise<MlflowMetricPoint[]>;
  registeredModels(): AsyncIterable<MlflowRegisteredModel>;
}

/** A problem with what the user pointed the importer at: shown as is, exit code 2. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

export const RUN_STATUS_NAMES: readonly MlflowRunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];
