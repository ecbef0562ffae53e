// API tokens: the list (own, or everyone's for admins), create and revoke. Each mutation
// reloads every cached tokens query.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type TokenRow = RouterOutputs['tokens']['list'][number];
export type CreatedToken = RouterOutputs['tokens']['create'];

export function useTokenList(all: boolean) {
  return useQuery(useTRPC().tokens.list.queryOptions({ all }));
}

/** Service accounts an admin may create tokens for; not asked for unless allowed. */
export function useServiceAccounts(enabled: boolean) {
  const query = useQuery(useTRPC().users.list.queryOptions(undefined, { enabled }));
  return (query.data ?? []).filter((u) => u.kind === 'service' && u.disabledAt === null);
}

function useInvalidateTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.tokens.pathFilter());
}

export function useTokenCreate() {
  const invalidate = useInvalidateTokens();
  return useMutation(useTRPC().tokens.create.mutationOptions({ onSuccess: invalidate }));
}

export function useTokenRevoke() {
  const invalidate = useInvalidateTokens();
  return useMutation(useTRPC().tokens.revoke.mutationOptions({ onSuccess: invalidate }));
}
