// Names for user ids on requests, approvals and alias moves. No directory is open to every
// role, so names come from team rosters (teams.list, readable by all) and the session;
// someone in no team shows as "user #id".
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSession } from '../lib/session';
import { useTRPC } from '../lib/trpc';

export function useRegUserNames(): (id: number | null | undefined) => string {
  const trpc = useTRPC();
  const { user } = useSession();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const names = useMemo(() => {
    const map = new Map<number, string>();
    for (const team of teams.data ?? []) for (const m of team.members) map.set(m.id, m.name);
    map.set(user.id, user.name);
    return map;
  }, [teams.data, user.id, user.name]);
  return useCallback((id) => (id === null || id === undefined ? 'the system' : (names.get(id) ?? `user #${id}`)), [names]);
}

/** Team names by id, for a model's owner. */
export function useRegTeamNames(): (id: number | null | undefined) => string | null {
  const trpc = useTRPC();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  return useCallback((id) => (id === null || id === undefined ? null : (teams.data?.find((t) => t.id === id)?.name ?? `team #${id}`)), [teams.data]);
}
