// What the compare page says when there is not enough to compare.
import { Link } from 'react-router';
import { EmptyState } from '../../../components/states';

export function CompareEmpty({ title = 'Pick at least two runs to compare' }: { title?: string }) {
  return (
    <div className="card">
      <EmptyState title={title}>
        <p className="compare-empty-text">
          Open an experiment, tick the checkboxes of two or more runs in its table and choose <strong>Compare</strong>. You will see their metric curves
          overlaid, how their params relate to the results, and what differs between them.
        </p>
        <Link to="/experiments" className="btn btn-primary">
          Go to experiments
        </Link>
      </EmptyState>
    </div>
  );
}
