import { CopyField } from '../../components/CopyField.tsx';

interface Props {
  secret: string;
  onDismiss: () => void;
}

/** The signing secret, shown once: after this it is only ever listed by its first characters. */
export function SecretReveal({ secret, onDismiss }: Props) {
  return (
    <div className="key-reveal" role="status" data-testid="webhook-secret">
      <p className="key-reveal__title">
        <strong>Signing secret.</strong> Copy it now: it will not be shown again. Your receiver uses
        it to check the <code>Baton-Signature</code> header.
      </p>
      <CopyField value={secret} label="Webhook signing secret" buttonLabel="Copy secret" />
      <button type="button" className="link-button" onClick={onDismiss}>
        I have copied it
      </button>
    </div>
  );
}
