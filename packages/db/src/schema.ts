// The drizzle (pg-core) schema: one dialect for PGlite and PostgreSQL, one file per area.
export * from './schema/tracking';
export * from './schema/identity';
export * from './schema/registry';
export * from './schema/monitoring';
export * from './schema/kpis';
