// Copies text to the clipboard and says so for a moment.
import { useEffect, useState } from 'react';

export function CopyButton({ text, label = 'Copy', className = 'btn btn-sm' }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        // The clipboard API exists only in secure contexts (https, localhost); elsewhere
        // the person selects the text and copies it themselves.
        if (!window.isSecureContext) return setState('failed');
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy it' : label}
    </button>
  );
}

/** A shell or code snippet with a copy button in its corner. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="id-code">
      <figcaption className="id-code-head">
        <span>{label}</span>
        <CopyButton text={code} className="btn btn-sm id-code-copy" />
      </figcaption>
      <pre className="id-code-body">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
