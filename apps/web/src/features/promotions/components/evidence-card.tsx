// A titled card of evidence on the request page.
import { useId, type ReactNode } from 'react';

export function EvidenceCard({ title, badge, children }: { title: string; badge?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-header">
        <h2 id={id} className="row">
          {title} {badge}
        </h2>
      </div>
      {children}
    </section>
  );
}
