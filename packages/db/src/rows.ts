// Raw SQL through drizzle's execute(): both drivers answer with `{ rows }`.
import type { SQL } from 'drizzle-orm';
import type { Db } from './types';

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
