// Three lines that log a run from a training script, for empty lists and tables.
export function SdkHint({ experiment = 'my-model' }: { experiment?: string }) {
  const code = [
    `import { Quorum } from '@quorum/sdk';`,
    `const run = await new Quorum({ url: '${window.location.origin}', token: process.env.QUORUM_TOKEN }).startRun({ experiment: ${JSON.stringify(experiment)} });`,
    `await run.logParams({ lr: 0.01 }); run.logMetric('val_auc', 0.91); await run.end();`,
  ].join('\n');
  return (
    <pre className="code-hint">
      <code>{code}</code>
    </pre>
  );
}
