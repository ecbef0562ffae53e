// Shows an action only to roles the policy allows: hidden, or disabled with the reason.
import type { ReactElement } from 'react';
import { cloneElement } from 'react';
import { useSession } from '../lib/session';

export function PolicyGate({ action, children, mode = 'disable' }: { action: string; children: ReactElement<{ disabled?: boolean; title?: string }>; mode?: 'hide' | 'disable' }) {
  const decision = useSession().can(action);
  if (decision.allowed) return children;
  if (mode === 'hide') return null;
  return cloneElement(children, { disabled: true, title: decision.reason });
}
