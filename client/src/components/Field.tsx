import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { tooLong } from '@baton/shared/textLength.ts';
import { sentence } from '../lib/formErrors.ts';

interface FrameProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /**
   * A length limit, checked as you type. Longer text is kept (a `maxLength`
   * would cut a paste silently) and the field says how long it is; the form's
   * schema refuses it on submit with the same words.
   */
  limit?: { noun: string; max: number };
}

/** The over-limit message for the control's current value, or the form's own error. */
function errorFor(
  limit: FrameProps['limit'],
  value: unknown,
  error: string | undefined,
): string | undefined {
  const over = limit && typeof value === 'string' ? tooLong(limit.noun, value, limit.max) : null;
  return over ? sentence(over) : error;
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

/** The label, hint and error around one control, wired together for screen readers. */
function FieldFrame({
  label,
  error,
  hint,
  render,
}: FrameProps & { render: (p: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {render({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        className: error ? 'input input--invalid' : 'input',
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = FrameProps & InputHTMLAttributes<HTMLInputElement> & { name: string };

/** A labelled single-line input with its error right below it. */
export function TextField({ label, error, hint, limit, ...input }: InputProps) {
  return (
    <FieldFrame
      label={label}
      error={errorFor(limit, input.value, error)}
      hint={hint}
      render={(p) => <input {...input} {...p} />}
    />
  );
}

type AreaProps = FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string };

/** A labelled multi-line input with its error right below it. */
export function TextAreaField({ label, error, hint, limit, ...area }: AreaProps) {
  return (
    <FieldFrame
      label={label}
      error={errorFor(limit, area.value, error)}
      hint={hint}
      render={(p) => <textarea rows={3} {...area} {...p} />}
    />
  );
}
