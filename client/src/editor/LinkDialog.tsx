import { useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { Modal } from '../components/Modal.tsx';
import { TextField } from '../components/Field.tsx';
import { applyLink, currentLinkHref, removeLink } from './linkCommands.ts';
import { parseLinkTarget } from './linkTarget.ts';

interface Props {
  editor: Editor;
  /** Closes the dialog; the caller puts the focus back into the editor. */
  onClose: () => void;
}

/**
 * Add, change or remove the link on the selection; the toolbar's Link button
 * and Mod-K open it. Enter applies, Escape cancels, an address the allowlist
 * refuses gets an inline error.
 */
export function LinkDialog({ editor, onClose }: Props) {
  const [initial] = useState(() => currentLinkHref(editor));
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const target = parseLinkTarget(draft);
    if (target.kind === 'invalid') return setError(target.message);
    if (target.kind === 'remove') {
      if (!initial) return setError('Type an address, or press Escape to cancel.');
      removeLink(editor);
    } else {
      applyLink(editor, target.href);
    }
    onClose();
  }

  return (
    <Modal title={initial ? 'Edit link' : 'Add link'} onClose={onClose} returnFocus={false}>
      <form className="form link-dialog" onSubmit={submit} noValidate>
        <TextField
          label="Link to"
          name="href"
          type="url"
          inputMode="url"
          value={draft}
          placeholder="https://example.com"
          hint="A web address (https://…) or an email address."
          error={error}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(undefined);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {initial ? 'Update link' : 'Add link'}
          </button>
          {initial && (
            <button
              type="button"
              className="button"
              onClick={() => {
                removeLink(editor);
                onClose();
              }}
            >
              Remove link
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
