import { useEffect, useRef, useState } from 'react';
import { shortcutLabel } from '../lib/platform.ts';

interface Props {
  value: string;
  /** Accessible name of the text field, e.g. "Share link for editors". */
  label: string;
  buttonLabel?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * A read-only field with a Copy button. Without clipboard access (an insecure
 * origin, a refused permission) the text is selected for the person to copy.
 */
export function CopyField({ value, label, buttonLabel = 'Copy' }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setState('manual');
    }
  }

  return (
    <div className="copy-field">
      <div className="copy-field__row">
        <input
          ref={inputRef}
          className="input copy-field__input"
          value={value}
          readOnly
          aria-label={label}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" className="button button--small" onClick={copy}>
          {state === 'copied' ? 'Copied' : buttonLabel}
        </button>
      </div>
      <p className="copy-field__note" role="status" aria-live="polite">
        {state === 'manual' && `Selected: press ${shortcutLabel('Mod-C')} to copy.`}
      </p>
    </div>
  );
}
