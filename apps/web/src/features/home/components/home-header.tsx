// A home's heading: the role's name (so people who hold several know whose view this
// is), a greeting, and the question the page answers.
import { ROLE_LABELS, type Role } from '@quorum/domain';
import type { ReactNode } from 'react';
import { useSession } from '../../../lib/session';

function greeting(hour: number): string {
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomeHeader({ role, question, actions }: { role: Role; question: ReactNode; actions?: ReactNode }) {
  const { user } = useSession();
  const first = user.name.trim().split(/\s+/)[0] ?? user.name;
  return (
    <header className="page-header id-home-header">
      <div>
        <div className="id-home-greeting">
          {greeting(new Date().getHours())}, {first}
        </div>
        <h1>{ROLE_LABELS[role]} home</h1>
        <p>{question}</p>
      </div>
      {actions && <div className="row">{actions}</div>}
    </header>
  );
}
