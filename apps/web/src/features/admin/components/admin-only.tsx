// What a non-admin sees on an admin page: why it is closed, not a broken table.
import { EmptyState } from '../../../components/states';

export function AdminOnly({ what, reason }: { what: string; reason: string }) {
  return (
    <div className="card">
      <EmptyState title={`Only admins manage ${what}`}>
        <p className="muted">{reason}</p>
      </EmptyState>
    </div>
  );
}
