// Shared column helpers of the schema.
import { bigint } from 'drizzle-orm/pg-core';

/** Times are epoch milliseconds (bigint) so they cross JSON and MLflow's API unchanged. */
export const epochMs = (name: string) => bigint(name, { mode: 'number' });
