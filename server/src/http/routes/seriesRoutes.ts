import {
  createInstallmentInput,
  createSeriesInput,
  installmentOrderInput,
  updateSeriesInput,
} from '@baton/shared/api.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createInstallment } from '../../domain/installments/createInstallment.ts';
import type { LiveDrafts } from '../../domain/installments/draftStates.ts';
import { reorderInstallments } from '../../domain/installments/reorderInstallments.ts';
import { createSeries } from '../../domain/series/createSeries.ts';
import { getSeries } from '../../domain/series/getSeries.ts';
import { listSeries } from '../../domain/series/listSeries.ts';
import { updateSeries } from '../../domain/series/updateSeries.ts';
import { deleteSeries } from '../../domain/series/deleteSeries.ts';
import type { AccessChanges } from '../../domain/accessChanges.ts';
import type { DocStore } from '../../store/docStore.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

export interface SeriesRouteDeps {
  db: Kysely<Database>;
  accessChanges: AccessChanges;
  store: DocStore;
  drafts: LiveDrafts;
}

/** `/api/series`: validate → command → present. */
export function seriesRoutes({ db, accessChanges, store, drafts }: SeriesRouteDeps) {
  const id = (raw: string) => pathId(raw, 'Series');
  return new Hono<ActorEnv>()
    .get('/', async (c) => c.json(await listSeries(db, c.var.actor)))
    .post('/', async (c) => {
      const input = await readJson(c, createSeriesInput);
      return c.json(await createSeries(db, c.var.actor, input), 201);
    })
    .get('/:id', async (c) =>
      c.json(await getSeries(db, drafts, c.var.actor, id(c.req.param('id')))),
    )
    .patch('/:id', async (c) => {
      const input = await readJson(c, updateSeriesInput);
      return c.json(await updateSeries(db, c.var.actor, id(c.req.param('id')), input));
    })
    .delete('/:id', async (c) => {
      await deleteSeries(db, accessChanges, c.var.actor, id(c.req.param('id')));
      return c.body(null, 204);
    })
    .post('/:id/installments', async (c) => {
      const seriesId = id(c.req.param('id'));
      const input = await readJson(c, createInstallmentInput);
      return c.json(await createInstallment(db, store, c.var.actor, seriesId, input), 201);
    })
    .put('/:id/installment-order', async (c) => {
      const seriesId = id(c.req.param('id'));
      const input = await readJson(c, installmentOrderInput);
      return c.json(await reorderInstallments(db, drafts, c.var.actor, seriesId, input));
    });
}
