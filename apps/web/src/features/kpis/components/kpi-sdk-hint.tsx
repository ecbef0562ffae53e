// How a warehouse job posts a KPI's daily values, for KPIs without data yet.
export function KpiSdkHint({ name }: { name: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const code = [
    `import { Quorum } from '@quorum/sdk';`,
    `// Nightly, with a data or platform engineer's token (QUORUM_TOKEN):`,
    `const quorum = new Quorum({ url: '${window.location.origin}' });`,
    `await quorum.recordKpi(${JSON.stringify(name)}, [{ at: '${today}', value: 4.31 }]);`,
  ].join('\n');
  return (
    <pre className="code-hint kpi-code-hint">
      <code>{code}</code>
    </pre>
  );
}
