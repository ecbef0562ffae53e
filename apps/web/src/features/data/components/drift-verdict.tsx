// The dataset-level verdict, and the rule that produced it.
import type { DriftResult } from '../api/use-datasets';
import { driftPercent, driftVerdictText } from '../utils/drift-format';

export function DriftVerdict({ drift }: { drift: DriftResult }) {
  const text = driftVerdictText({ ...drift, columnCount: drift.columns.length });
  return (
    <div className={`data-verdict ${drift.drifted ? 'is-drifted' : 'is-stable'}`} role="status">
      <span className="data-verdict-mark" aria-hidden>
        {drift.drifted ? '!' : '✓'}
      </span>
      <div>
        <div className="data-verdict-text">{text}</div>
        <p className="data-verdict-rule">
          Evidently&apos;s default tests: below 1,000 reference values, K–S for numerical columns and chi-square (Z when binary) for categorical ones;
          above, normed Wasserstein and Jensen–Shannon. Numerical columns with at most 5 distinct values are tested as categorical. A column drifts at a
          p-value below 0.05 or a distance of at least 0.1; the dataset drifts when at least {driftPercent(drift.driftShare)} of its columns do.
        </p>
      </div>
    </div>
  );
}
