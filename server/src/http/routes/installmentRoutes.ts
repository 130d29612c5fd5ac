import {
  type DocumentLimits,
  type InstallmentDetail,
  updateInstallmentInput,
} from '@baton/shared/api.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { getInstallment } from '../../domain/installments/getInstallment.ts';
import { updateInstallment } from '../../domain/installments/updateInstallment.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

/** `/api/installments`: validate → command → present. */
export function installmentRoutes(db: Kysely<Database>, documentLimits: DocumentLimits) {
  const id = (raw: string) => pathId(raw, 'Installment');
  return new Hono<ActorEnv>()
    .get('/:id', async (c) =>
      c.json({
        ...(await getInstallment(db, c.var.actor, id(c.req.param('id')))),
        documentLimits,
      } satisfies InstallmentDetail),
    )
    .patch('/:id', async (c) => {
      const input = await readJson(c, updateInstallmentInput);
      return c.json(await updateInstallment(db, c.var.actor, id(c.req.param('id')), input));
    });
}
