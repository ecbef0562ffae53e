// What to run when a chart is empty: sending windows from serving code, and labels later.
import { CodeBlock } from '../../../components/id-copy-button';

/** Recording served predictions with the SDK; the logger sends one window per flush. */
export function WindowsHint({ model, alias = 'production' }: { model: string; alias?: string }) {
  const code = [
    `import { Quorum } from '@quorum/sdk';`,
    `const monitor = new Quorum({ url: '${window.location.origin}', token: process.env.QUORUM_TOKEN })`,
    `  .monitor({ model: ${JSON.stringify(model)}, alias: ${JSON.stringify(alias)} });`,
    ``,
    `// For each prediction served:`,
    `monitor.record({ id: requestId, prediction: score, features: { amount, country }, latencyMs });`,
    `// Every hour (or day): compute the window and send it.`,
    `await monitor.flush();`,
  ].join('\n');
  return <CodeBlock code={code} label="Serving code (TypeScript SDK; an MLOps or platform token)" />;
}

/** Ground truth joined to earlier predictions by id. */
export function LabelsHint({ model }: { model: string }) {
  const code = [
    `// When the outcome is known, days later, by prediction id:`,
    `await quorum.monitor({ model: ${JSON.stringify(model)} }).labels([{ id: requestId, actual: 1 }]);`,
  ].join('\n');
  return <CodeBlock code={code} label="Labels (SDK)" />;
}
