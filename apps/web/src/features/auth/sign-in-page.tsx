// The page shown to anyone not signed in: email and password, the server's refusal in
// place, and the demo accounts one click away.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { idReadableError } from '../../components/id-readable-error';
import { useSignedIn } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { DemoAccounts } from './components/demo-accounts';

export function SignInPage() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: (result) => signedIn(result.csrfToken) }));
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const error = idReadableError(signIn.error);

  const edited = () => {
    if (signIn.error) signIn.reset();
  };

  return (
    <main className="id-signin">
      <div className="id-signin-card card">
        <div className="id-signin-brand">
          <span className="brand-mark" aria-hidden>
            <svg width="18" height="18" viewBox="0 0 32 32">
              <path d="M9 16a7 7 0 1 1 12 4.9l3 3.1" stroke="white" strokeWidth="3.5" fill="none" strokeLinecap="round" />
            </svg>
          </span>
          Quorum
        </div>
        <h1>Sign in</h1>
        <p className="muted id-signin-lead">Track experiments, watch data drift and keep a verifiable record of who did what.</p>
        <form
          className="stack id-signin-form"
          onSubmit={(e) => {
            e.preventDefault();
            signIn.mutate({ email, password });
          }}
        >
          <div className="field">
            <label htmlFor={emailId}>Email</label>
            <input
              id={emailId}
              className="input"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                edited();
              }}
              aria-describedby={error ? errorId : undefined}
              required
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>Password</label>
            <input
              id={passwordId}
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                edited();
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              required
            />
          </div>
          {error && (
            <div className="alert alert-error" id={errorId} role="alert">
              {error.message}
            </div>
          )}
          <button type="submit" className="btn btn-primary id-signin-submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <DemoAccounts
          onPick={(account) => {
            setEmail(account.email);
            setPassword(account.password);
            edited();
          }}
        />
      </div>
    </main>
  );
}
