import { useState } from 'react';
import type { PublishChecks, PublishFinding } from '@baton/shared/publish.ts';
import { limits } from '@baton/shared/limits.ts';
import { plural } from '../lib/format.ts';
import { groupFindings, visibleFindings, type FindingGroup } from './findingGroups.ts';

interface Props {
  checks: PublishChecks;
  /** The latest version's number, for "Nothing changed since version N". */
  latestNumber: number | null;
  /** Go to top-level block `index` in the editor (zero-based, as the checks count). */
  onJump: (index: number) => void;
  /** Id for the reason publishing is blocked, which the Publish button points at. */
  blockingId: string;
}

/** The publish checks as a list the author reads before publishing: a summary, then one group per kind. */
export function PublishFindings({ checks, latestNumber, onJump, blockingId }: Props) {
  const { groups, summary } = groupFindings(checks.findings);
  return (
    <div className="publish-checks">
      {checks.blocking && (
        <p className="finding finding--blocking" id={blockingId}>
          <span className="finding__icon" aria-hidden="true">
            ⛔
          </span>
          <span>
            <strong>The installment is empty.</strong> Write something before publishing.
          </span>
        </p>
      )}
      {checks.unchanged && (
        <p className="finding finding--info">
          <span className="finding__icon" aria-hidden="true">
            ℹ
          </span>
          <span>
            <strong>
              Nothing changed since{' '}
              {latestNumber ? `version ${latestNumber}` : 'the latest version'}.
            </strong>{' '}
            Publishing now makes no new version.
          </span>
        </p>
      )}
      {summary ? (
        <>
          <p className="publish-checks__summary">{summary}</p>
          {groups.map((group) => (
            <FindingGroupList key={group.kind} group={group} onJump={onJump} />
          ))}
          {!checks.blocking && (
            <p className="publish-checks__override">These are warnings: you can publish anyway.</p>
          )}
        </>
      ) : (
        !checks.blocking && (
          <p className="finding finding--ok">
            <span className="finding__icon" aria-hidden="true">
              ✓
            </span>
            <span>No problems found.</span>
          </p>
        )
      )}
    </div>
  );
}

/** One kind of warning under its heading; a long group shows its first few until asked for more. */
function FindingGroupList({
  group,
  onJump,
}: {
  group: FindingGroup;
  onJump: (index: number) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const { shown, hidden } = visibleFindings(group.findings, expanded);
  return (
    <section className="finding-group" aria-label={group.heading}>
      <h4 className="finding-group__title">{group.heading}</h4>
      <ul className="findings">
        {shown.map((finding, i) => (
          <li key={i} className="finding finding--warning">
            <span className="finding__icon" aria-hidden="true">
              ⚠
            </span>
            <FindingText finding={finding} onJump={onJump} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="link-button finding-group__more"
          onClick={() => setExpanded(true)}
        >
          Show {hidden} more
        </button>
      )}
    </section>
  );
}

function ParagraphButton({
  index,
  label,
  onJump,
}: {
  index: number;
  label: 'Paragraph' | 'paragraph';
  onJump: (index: number) => void;
}) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => onJump(index)}
      title="Show it in the text"
      aria-label={`Go to paragraph ${index + 1}`}
    >
      {label} {index + 1}
    </button>
  );
}

function FindingText({
  finding,
  onJump,
}: {
  finding: PublishFinding;
  onJump: (index: number) => void;
}) {
  switch (finding.kind) {
    case 'repeatedParagraph':
      return (
        <span className="finding__text">
          <span>
            <ParagraphButton index={finding.second} label="Paragraph" onJump={onJump} />{' '}
            {finding.similarity === 'exact' ? 'repeats' : 'nearly repeats'}{' '}
            <ParagraphButton index={finding.first} label="paragraph" onJump={onJump} />{' '}
            <span className={`finding__tag finding__tag--${finding.similarity}`}>
              {finding.similarity === 'exact' ? 'exact repeat' : 'near repeat'}
            </span>
          </span>
          <q className="finding__excerpt">{finding.excerpt}</q>
        </span>
      );
    case 'unresolvedThreads':
      return (
        <span className="finding__text">
          {plural(finding.count, 'unresolved comment thread')}. Readers never see comments, but you
          may want to settle them first.
        </span>
      );
    case 'pendingSuggestions':
      return (
        <span className="finding__text">
          {plural(finding.count, 'pending suggestion')}. Readers get the text without them until
          they are accepted.
        </span>
      );
    case 'shortContent':
      return (
        <span className="finding__text">
          Very short: {plural(finding.words, 'word')} (fewer than {limits.shortContentWords}).
        </span>
      );
    case 'missingTitle':
      return (
        <span className="finding__text">
          No title yet: readers would see “Untitled”. Rename the installment above the text.
        </span>
      );
    case 'emptyContent':
      return <span className="finding__text">The installment is empty.</span>;
  }
}
