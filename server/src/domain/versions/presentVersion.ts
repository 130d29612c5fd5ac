import type { Version, VersionSummary } from '@baton/shared/publish.ts';
import type { Selectable } from 'kysely';
import type { InstallmentVersionTable } from '../../db/schema.ts';

type Row = Selectable<InstallmentVersionTable> & {
  publisher_name: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawer_name: string | null;
};

const formerMember = 'Former member';

export function presentVersionSummary(
  row: Omit<Row, 'prosemirror_json' | 'html' | 'markdown' | 'yjs_state'>,
): VersionSummary {
  return {
    id: row.id,
    installmentId: row.installment_id,
    number: row.number,
    title: row.title,
    wordCount: row.word_count,
    contentHash: row.content_hash,
    publishedBy: { id: row.published_by, name: row.publisher_name ?? formerMember },
    publishedAt: row.published_at,
    note: row.note,
    withdrawn:
      row.withdrawn_at !== null && row.withdrawn_by !== null
        ? {
            at: row.withdrawn_at,
            by: { id: row.withdrawn_by, name: row.withdrawer_name ?? formerMember },
          }
        : null,
  };
}

export function presentVersion(row: Row): Version {
  return {
    ...presentVersionSummary(row),
    prosemirrorJson: JSON.parse(row.prosemirror_json) as unknown,
    html: row.html,
    markdown: row.markdown,
  };
}
