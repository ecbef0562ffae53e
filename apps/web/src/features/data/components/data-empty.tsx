// What to do when no dataset has been logged yet.
import { EmptyState } from '../../../components/states';

export function DataEmpty({ onUpload }: { onUpload: (() => void) | null }) {
  const code = [
    `import { Quorum } from '@quorum/sdk';`,
    `const run = await new Quorum({ url: '${window.location.origin}', token: process.env.QUORUM_TOKEN }).startRun({ experiment: 'churn' });`,
    `await run.logDataset({`,
    `  name: 'churn-train', digest: 'c1a2f09e', context: 'train',`,
    `  columns: { tenure_months: [12, 30, 7], plan: ['basic', 'premium', 'basic'] },`,
    `});`,
  ].join('\n');
  return (
    <EmptyState title="No datasets yet">
      <p className="data-empty-text">
        Runs log the datasets they read with the SDK&apos;s <code>logDataset</code> (the token comes from <code>QUORUM_TOKEN</code>). Pass the columns and
        Quorum stores a profile — a sample of each column and its summary statistics — so versions can be compared for drift.
      </p>
      <pre className="code-hint">
        <code>{code}</code>
      </pre>
      {onUpload && (
        <p className="data-empty-text">
          Or upload a CSV here:{' '}
          <button type="button" className="btn btn-sm" onClick={onUpload}>
            Upload CSV
          </button>
        </p>
      )}
    </EmptyState>
  );
}
