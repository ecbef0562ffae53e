export { Quorum, type QuorumOptions } from './quorum';
export { RunLogger, datasetProfileOf, type RunLoggerOptions } from './run-logger';
export { quorumApi, type QuorumApi } from './client';
