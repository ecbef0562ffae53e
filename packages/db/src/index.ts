export { createDb, type CreateDbOptions, type DbHandle } from './client';
export type { Database, Db, Transaction } from './types';
export * as tables from './schema';
export * from './queries/experiments';
export * from './queries/runs';
export * from './queries/metrics-write';
export * from './queries/metrics-read';
export * from './queries/run-search';
export * from './queries/datasets';
