import { useState, type ReactNode } from 'react';
import { RenameForm, type RenameFormProps } from './RenameForm.tsx';

interface Props extends Omit<RenameFormProps, 'initial' | 'onDone'> {
  value: string;
  canEdit: boolean;
  /** Shown before the title, e.g. "Part 3". */
  eyebrow?: ReactNode;
}

/** A page title with a Rename button that turns it into a small inline form. */
export function EditableTitle({ value, canEdit, eyebrow, ...form }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="editable-title">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      {editing ? (
        <RenameForm {...form} initial={value} onDone={() => setEditing(false)} />
      ) : (
        <div className="editable-title__row">
          <h1 className="page__title">{value}</h1>
          {canEdit && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setEditing(true)}
              aria-label={`Rename: ${form.label}`}
            >
              Rename
            </button>
          )}
        </div>
      )}
    </div>
  );
}
