// A titled card on a home, with an optional link or action on the right.
import type { ReactNode } from 'react';

export function HomeCard({ title, actions, children, className = '' }: { title: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card id-home-card ${className}`}>
      <div className="card-header">
        <h2>{title}</h2>
        {actions && <div className="row">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** What a later release brings, said plainly rather than shown as empty charts. */
export function LaterCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card id-later" aria-label={title}>
      <div className="card-header">
        <h2>{title}</h2>
        <span className="badge id-later-badge">Later release</span>
      </div>
      <div className="card-body id-later-body">{children}</div>
    </section>
  );
}
