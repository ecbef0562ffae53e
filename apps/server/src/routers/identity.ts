import { teamCreateInput, teamSetMembersInput, teamUpdateInput, tokenCreateInput, tokenRevokeInput, userCreateInput, userUpdateInput } from '@quorum/contracts';
import { policyAllows } from '@quorum/domain';
import { z } from 'zod';
import { teamChange, teamCreate, teamSetMembers, teamsWithMix } from '../services/teams';
import { tokenCreate, tokenRevokeVerb, tokensList } from '../services/tokens';
import { userChange, userCreate, usersList } from '../services/users';
import { authedProcedure, restrictedProcedure, router } from '../trpc/init';

export const usersRouter = router({
  list: restrictedProcedure('users.list').query(({ ctx }) => usersList(ctx)),
  create: authedProcedure.input(userCreateInput).mutation(({ ctx, input }) => userCreate(ctx, input)),
  update: authedProcedure.input(userUpdateInput).mutation(({ ctx, input }) => userChange(ctx, input)),
});

export const teamsRouter = router({
  list: authedProcedure.query(({ ctx }) => teamsWithMix(ctx)),
  create: authedProcedure.input(teamCreateInput).mutation(({ ctx, input }) => teamCreate(ctx, input)),
  update: authedProcedure.input(teamUpdateInput).mutation(({ ctx, input }) => teamChange(ctx, input)),
  setMembers: authedProcedure.input(teamSetMembersInput).mutation(({ ctx, input }) => teamSetMembers(ctx, input)),
});

export const tokensRouter = router({
  /** Your tokens; an admin may ask for everyone's. */
  list: authedProcedure
    .input(z.object({ all: z.boolean().default(false) }).default({ all: false }))
    .query(({ ctx, input }) => tokensList(ctx, input.all && policyAllows('tokens.listAll', ctx.actor.roles).allowed)),
  create: authedProcedure.input(tokenCreateInput).mutation(({ ctx, input }) => tokenCreate(ctx, input)),
  revoke: authedProcedure.input(tokenRevokeInput).mutation(({ ctx, input }) => tokenRevokeVerb(ctx, input.id)),
});
