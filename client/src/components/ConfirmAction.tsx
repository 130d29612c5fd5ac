import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The first button, e.g. "Remove". */
  label: string;
  /** What the second step asks, e.g. "Remove Ann?". */
  question: ReactNode;
  /** The button that does it, e.g. "Yes, remove". */
  confirmLabel: string;
  busyLabel: string;
  onConfirm: () => Promise<void>;
  disabled?: boolean;
  /** Why `disabled`, as a tooltip. */
  disabledReason?: string | undefined;
  /** Accessible name of the first button when `label` alone is ambiguous (one per row). */
  ariaLabel?: string;
}

/**
 * A destructive action in two steps, inline: the button turns into the question
 * with "Yes" and "Cancel". Cancel gets the focus, so Enter never destroys by accident.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  busyLabel,
  onConfirm,
  disabled = false,
  disabledReason,
  ariaLabel,
}: Props) {
  const [step, setStep] = useState<'idle' | 'asking' | 'busy'>('idle');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the step: Cancel while asking, the first button again after.
  useEffect(() => {
    if (step === 'asking') {
      asked.current = true;
      cancelRef.current?.focus();
    } else if (step === 'idle' && asked.current) {
      asked.current = false;
      triggerRef.current?.focus();
    }
  }, [step]);

  if (step === 'idle') {
    const button = (
      <button
        ref={triggerRef}
        type="button"
        className="button button--small"
        onClick={() => setStep('asking')}
        disabled={disabled}
        aria-label={ariaLabel}
      >
        {label}
      </button>
    );
    return disabled && disabledReason ? <span title={disabledReason}>{button}</span> : button;
  }

  async function confirm() {
    setStep('busy');
    try {
      await onConfirm();
    } finally {
      // The row may be gone by now; React ignores updates to unmounted components.
      setStep('idle');
    }
  }

  return (
    <span
      className="confirm"
      role="group"
      aria-label={typeof question === 'string' ? question : label}
      onKeyDown={(event) => {
        // Escape backs out of the question only, not out of a dialog around it.
        if (event.key !== 'Escape' || step === 'busy') return;
        event.preventDefault();
        setStep('idle');
      }}
    >
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={confirm}
        disabled={step === 'busy'}
      >
        {step === 'busy' ? busyLabel : confirmLabel}
      </button>
      <button
        ref={cancelRef}
        type="button"
        className="button button--small button--quiet"
        onClick={() => setStep('idle')}
        disabled={step === 'busy'}
      >
        Cancel
      </button>
    </span>
  );
}
