export { Quorum, type QuorumOptions } from './quorum';
export { RunLogger, type RunLoggerOptions } from './run-logger';
export { quorumApi, type QuorumApi } from './client';
