// A user's or token's roles as badges, named the way people say them.
import { ROLE_LABELS, roleIs } from '@quorum/domain';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  return (
    <span className="id-roles">
      {roles.map((r) => (
        <span key={r} className={`badge id-role id-role-${r}`}>
          {roleIs(r) ? ROLE_LABELS[r] : r}
        </span>
      ))}
    </span>
  );
}
