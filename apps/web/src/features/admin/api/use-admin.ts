// Users and teams for admins. A user's roles or status change a squad's mix, so every
// mutation here reloads both users and teams.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type AdminUser = RouterOutputs['users']['list'][number];
export type AdminTeam = RouterOutputs['teams']['list'][number];

export function useUserList(enabled: boolean) {
  return useQuery(useTRPC().users.list.queryOptions(undefined, { enabled }));
}

export function useTeamList() {
  return useQuery(useTRPC().teams.list.queryOptions());
}

function useInvalidateIdentity() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries(trpc.users.pathFilter()), queryClient.invalidateQueries(trpc.teams.pathFilter())]);
}

export function useUserCreate() {
  const invalidate = useInvalidateIdentity();
  return useMutation(useTRPC().users.create.mutationOptions({ onSuccess: invalidate }));
}

export function useUserUpdate() {
  const invalidate = useInvalidateIdentity();
  return useMutation(useTRPC().users.update.mutationOptions({ onSuccess: invalidate }));
}

export function useTeamCreate() {
  const invalidate = useInvalidateIdentity();
  return useMutation(useTRPC().teams.create.mutationOptions({ onSuccess: invalidate }));
}

export function useTeamUpdate() {
  const invalidate = useInvalidateIdentity();
  return useMutation(useTRPC().teams.update.mutationOptions({ onSuccess: invalidate }));
}

export function useTeamSetMembers() {
  const invalidate = useInvalidateIdentity();
  return useMutation(useTRPC().teams.setMembers.mutationOptions({ onSuccess: invalidate }));
}
