export { Quorum, type QuorumOptions } from './quorum';
export { RunLogger, datasetProfileOf, type RunLoggerOptions } from './run-logger';
export { MonitorLogger, type MonitorLoggerOptions } from './monitor-logger';
export { quorumApi, type QuorumApi } from './client';
export { mlflowImport, type ImportSummary, type MlflowImportOptions } from './import/importer';
export { MlrunsSource } from './import/mlruns-source';
export { RestSource } from './import/rest-source';
export type { MlflowSource } from './import/source';
