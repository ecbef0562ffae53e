// An alias and the version it serves, green or red by that version's gates.
import { Link } from 'react-router';

export function AliasChip({ modelId, alias, version, versionId, gatesPassed }: { modelId: number; alias: string; version: number; versionId: number; gatesPassed: boolean | null }) {
  const tone = gatesPassed === null ? 'none' : gatesPassed ? 'pass' : 'fail';
  const status = gatesPassed === null ? 'gates not checked' : gatesPassed ? 'gates green' : 'gates red';
  return (
    <Link to={`/models/${modelId}/versions/${versionId}`} className={`reg-alias-chip reg-tone-${tone}`} title={`${alias} serves v${version}: ${status}`}>
      <span className="reg-alias-name">{alias}</span>
      <span aria-hidden>→</span>
      <span className="reg-alias-version">v{version}</span>
      <span className="sr-only">({status})</span>
    </Link>
  );
}
