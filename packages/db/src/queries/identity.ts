// Users, teams, sessions and API tokens.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Role } from '@quorum/domain';
import { apiTokens, sessions, teamMembers, teams, users } from '../schema';
import type { Db } from '../types';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

/** A user as the API shows it: never the password hash. */
export type PublicUser = Omit<UserRow, 'passwordHash'>;

const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  kind: users.kind,
  roles: users.roles,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

export async function userInsert(db: Db, values: typeof users.$inferInsert): Promise<PublicUser> {
  const [row] = await db.insert(users).values(values).returning(publicUserColumns);
  return row!;
}

export async function userFindByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function userFind(db: Db, id: number): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function userList(db: Db): Promise<PublicUser[]> {
  return db.select(publicUserColumns).from(users).orderBy(asc(users.name));
}

export async function userUpdate(
  db: Db,
  id: number,
  values: Partial<Pick<UserRow, 'name' | 'roles' | 'passwordHash' | 'disabledAt'>>,
): Promise<PublicUser | undefined> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning(publicUserColumns);
  return row;
}

export async function usersCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function adminExists(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(sql`'admin' = any(${users.roles})`, isNull(users.disabledAt)));
  return (row?.n ?? 0) > 0;
}

// Sessions

export async function sessionInsert(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/** The live session with this id hash, and its user. */
export async function sessionFind(db: Db, idHash: string, now: number) {
  const [row] = await db
    .select({ session: sessions, user: publicUserColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  return row;
}

export async function sessionDelete(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Removes sessions that have expired, so the table holds only live ones. */
export async function sessionsDeleteExpired(db: Db, now: number): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}

export async function sessionsDeleteForUser(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function sessionTouch(db: Db, idHash: string, now: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
}

// Tokens

export async function tokenInsert(db: Db, values: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

/** A usable token (not revoked, not expired, owner enabled) by its secret's hash. */
export async function tokenFindBySecretHash(db: Db, secretHash: string, now: number) {
  const [row] = await db
    .select({ token: apiTokens, user: publicUserColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.secretHash, secretHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

export async function tokenFind(db: Db, id: number): Promise<TokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

export async function tokenList(db: Db, userId?: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      roles: apiTokens.roles,
      userId: apiTokens.userId,
      userName: users.name,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userId === undefined ? undefined : or(eq(apiTokens.userId, userId), eq(apiTokens.createdBy, userId)))
    .orderBy(sql`${apiTokens.createdAt} desc`);
}

export async function tokenRevoke(db: Db, id: number, now: number): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

/** Records use, at most once a minute per token, so the hot path rarely writes. */
export async function tokenTouch(db: Db, id: number, now: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), sql`${apiTokens.lastUsedAt} < ${now - 60_000}`)));
}

// Teams

export async function teamInsert(db: Db, values: typeof teams.$inferInsert): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  return row!;
}

export async function teamFindByName(db: Db, name: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.name, name));
  return row;
}

export async function teamUpdate(db: Db, id: number, values: Partial<Pick<TeamRow, 'name' | 'description'>>): Promise<TeamRow | undefined> {
  const [row] = await db.update(teams).set(values).where(eq(teams.id, id)).returning();
  return row;
}

export async function teamMembersSet(db: Db, teamId: number, userIds: readonly number[]): Promise<void> {
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (userIds.length > 0) await db.insert(teamMembers).values(userIds.map((userId) => ({ teamId, userId })));
}

/** Teams with their members (public fields), by name. */
export async function teamListWithMembers(db: Db) {
  const all = await db.select().from(teams).orderBy(asc(teams.name));
  const members = all.length
    ? await db
        .select({ teamId: teamMembers.teamId, user: publicUserColumns })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(inArray(teamMembers.teamId, all.map((t) => t.id)))
        .orderBy(asc(users.name))
    : [];
  return all.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id).map((m) => m.user) }));
}

export type { Role };
