// What a version is made of: the artifact and its digest, the run that trained it and the
// datasets it was trained and evaluated on.
import { Link } from 'react-router';
import { CopyButton } from '../../../components/id-copy-button';
import { regBytes } from '../../../components/reg-gate';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatDateTime } from '../../../lib/format';
import type { VersionDetail } from '../api/types';

function DatasetLink({ dataset }: { dataset: VersionDetail['trainingDataset'] }) {
  if (!dataset) return <span className="muted">none recorded</span>;
  return (
    <Link to={`/data?ref=${dataset.id}`}>
      {dataset.name} <span className="mono small muted">@{dataset.digest.slice(0, 8)}</span>
    </Link>
  );
}

export function VersionFacts({ version }: { version: VersionDetail }) {
  const nameOf = useRegUserNames();
  return (
    <section className="card" aria-labelledby="reg-artifact-title">
      <div className="card-header">
        <h2 id="reg-artifact-title">Artifact and provenance</h2>
      </div>
      <dl className="reg-facts card-body">
        <div className="reg-fact-wide">
          <dt>Artifact URI</dt>
          <dd className="mono reg-break">{version.artifactUri}</dd>
        </div>
        <div className="reg-fact-wide">
          <dt>SHA-256</dt>
          {version.artifactSha256 ? (
            <dd className="row reg-nowrap">
              <span className="mono reg-break small">{version.artifactSha256}</span>
              <CopyButton text={version.artifactSha256} className="btn btn-sm btn-ghost" />
            </dd>
          ) : (
            <dd className="muted small">Not verified: registered from a source this server cannot read</dd>
          )}
        </div>
        <div>
          <dt>Size</dt>
          {version.artifactSize === null ? <dd className="muted">unknown</dd> : <dd title={`${version.artifactSize.toLocaleString('en')} bytes`}>{regBytes(version.artifactSize)}</dd>}
        </div>
        <div>
          <dt>Registered</dt>
          <dd>
            {formatDateTime(version.createdAt)} <span className="muted">by {nameOf(version.createdBy)}</span>
          </dd>
        </div>
        <div>
          <dt>Source run</dt>
          <dd>
            {version.run ? (
              <>
                <Link to={`/runs/${version.run.id}`}>{version.run.name}</Link> <span className="muted small">by {nameOf(version.run.createdBy)}</span>
              </>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Evidence revision</dt>
          <dd title="Bumped by every change to the card, artifact or gate results; approvals are given against one revision">{version.evidenceRevision}</dd>
        </div>
        <div>
          <dt>Training data</dt>
          <dd>
            <DatasetLink dataset={version.trainingDataset} />
          </dd>
        </div>
        <div>
          <dt>Evaluation data</dt>
          <dd>
            <DatasetLink dataset={version.evalDataset} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
