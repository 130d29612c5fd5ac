import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';

interface FrameProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
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
export function TextField({ label, error, hint, ...input }: InputProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      render={(p) => <input {...input} {...p} />}
    />
  );
}

type AreaProps = FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string };

/** A labelled multi-line input with its error right below it. */
export function TextAreaField({ label, error, hint, ...area }: AreaProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      render={(p) => <textarea rows={3} {...area} {...p} />}
    />
  );
}
