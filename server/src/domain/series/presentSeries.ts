import type { DraftState, InstallmentSummary, SeriesSummary } from '@baton/shared/api.ts';
import type { Role } from '@baton/shared/roles.ts';
import type { Selectable } from 'kysely';
import type { InstallmentTable, SeriesTable } from '../../db/schema.ts';

export function presentSeries(
  row: Selectable<SeriesTable>,
  role: Role,
  installmentCount: number,
): SeriesSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    role,
    installmentCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface InstallmentFacts {
  wordCount: number | null;
  openThreadCount?: number;
  draftState: DraftState;
}

export function presentInstallment(
  row: Selectable<InstallmentTable>,
  { wordCount, openThreadCount = 0, draftState }: InstallmentFacts,
): InstallmentSummary {
  return {
    id: row.id,
    seriesId: row.series_id,
    number: row.number,
    position: row.position,
    title: row.title,
    wordCount: wordCount ?? 0,
    openThreadCount,
    draftState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
