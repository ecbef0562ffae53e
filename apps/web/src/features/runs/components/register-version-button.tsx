// "Register as model version" on a finished run: opens the registry's dialog, which ends
// on the new version's page.
import { useState } from 'react';
import { PolicyGate } from '../../../components/policy-gate';
import { RegRegisterVersionDialog } from '../../../components/reg-register-version-dialog';
import type { RunDetail } from '../api/types';

export function RegisterVersionButton({ run }: { run: RunDetail }) {
  const [open, setOpen] = useState(false);
  if (run.status !== 'FINISHED') return null;
  return (
    <>
      <PolicyGate action="versions.create">
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          Register as model version
        </button>
      </PolicyGate>
      {open && <RegRegisterVersionDialog run={run} onClose={() => setOpen(false)} />}
    </>
  );
}
