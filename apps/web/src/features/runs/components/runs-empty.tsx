// What the runs table says when there is nothing to show.
import { EmptyState } from '../../../components/states';
import { SdkHint } from '../../../components/sdk-hint';

export function RunsEmpty({ experimentName, filter, onClearFilter }: { experimentName: string; filter: string; onClearFilter: () => void }) {
  if (filter) {
    return (
      <EmptyState title="No runs match this filter">
        <p className="mono small">{filter}</p>
        <button type="button" className="btn" onClick={onClearFilter}>
          Clear filter
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No runs yet">
      <p>Runs appear here as soon as a training script logs one to this experiment:</p>
      <SdkHint experiment={experimentName} />
    </EmptyState>
  );
}
