// Team (squad) verbs and the role-mix view of each squad.
import type { z } from 'zod';
import type { teamCreateInput, teamSetMembersInput, teamUpdateInput } from '@quorum/contracts';
import { teamFindByName, teamInsert, teamListWithMembers, teamMembersSet, teamUpdate, userList } from '@quorum/db';
import { squadMix } from '@quorum/domain';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';

async function assertUsersExist(ctx: ServiceContext, ids: readonly number[]) {
  const known = new Set((await userList(ctx.db)).map((u) => u.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw badRequest(`No user with id ${missing.join(', ')}`);
}

export async function teamCreate(ctx: ServiceContext, input: z.output<typeof teamCreateInput>) {
  if (await teamFindByName(ctx.db, input.name)) throw conflict(`A team named "${input.name}" already exists`);
  await assertUsersExist(ctx, input.memberIds);
  return ctx.db.transaction(async (tx) => {
    const team = await teamInsert(tx, { name: input.name, description: input.description, createdAt: ctx.clock.now() });
    await teamMembersSet(tx, team.id, [...new Set(input.memberIds)]);
    await audit(ctx, tx, 'teams.create', { entityType: 'team', entityId: team.id }, { name: team.name, members: input.memberIds });
    return team;
  });
}

export async function teamChange(ctx: ServiceContext, input: z.output<typeof teamUpdateInput>) {
  if (input.name) {
    const other = await teamFindByName(ctx.db, input.name);
    if (other && other.id !== input.id) throw conflict(`A team named "${input.name}" already exists`);
  }
  return ctx.db.transaction(async (tx) => {
    const team = await teamUpdate(tx, input.id, { ...(input.name && { name: input.name }), ...(input.description !== undefined && { description: input.description }) });
    if (!team) throw notFound(`No team with id ${input.id}`);
    await audit(ctx, tx, 'teams.update', { entityType: 'team', entityId: input.id }, { name: input.name, description: input.description });
    return team;
  });
}

export async function teamSetMembers(ctx: ServiceContext, input: z.output<typeof teamSetMembersInput>) {
  await assertUsersExist(ctx, input.memberIds);
  const teams = await teamListWithMembers(ctx.db);
  const team = teams.find((t) => t.id === input.id);
  if (!team) throw notFound(`No team with id ${input.id}`);
  await ctx.db.transaction(async (tx) => {
    await teamMembersSet(tx, input.id, [...new Set(input.memberIds)]);
    await audit(ctx, tx, 'teams.setMembers', { entityType: 'team', entityId: input.id }, { from: team.members.map((m) => m.id), to: input.memberIds });
  });
  return { id: input.id };
}

/** Teams with members and how each squad's role mix compares with the usual split. */
export async function teamsWithMix(ctx: ServiceContext) {
  const teams = await teamListWithMembers(ctx.db);
  return teams.map((t) => ({ ...t, mix: squadMix(t.members.filter((m) => m.disabledAt === null)) }));
}
