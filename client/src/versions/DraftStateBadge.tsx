import type { DraftState } from '@baton/shared/api.ts';
import { draftStateHints, draftStateLabels } from './draftState.ts';
import './draftState.css';

/** "Never published", "Published" or "Unpublished changes", with what it means as a tooltip. */
export function DraftStateBadge({ state }: { state: DraftState }) {
  return (
    <span
      className={`draft-state draft-state--${state}`}
      title={draftStateHints[state]}
      data-testid="draft-state"
      data-state={state}
    >
      {draftStateLabels[state]}
    </span>
  );
}
