import {
  type DocumentLimits,
  type InstallmentDetail,
  updateInstallmentInput,
} from '@baton/shared/api.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import {
  deleteInstallment,
  type DeleteInstallmentDeps,
} from '../../domain/installments/deleteInstallment.ts';
import type { LiveDrafts } from '../../domain/installments/draftStates.ts';
import { getInstallment } from '../../domain/installments/getInstallment.ts';
import { updateInstallment } from '../../domain/installments/updateInstallment.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

export interface InstallmentRouteDeps extends DeleteInstallmentDeps {
  drafts: LiveDrafts;
  documentLimits: DocumentLimits;
}

/** `/api/installments`: validate → command → present. */
export function installmentRoutes(deps: InstallmentRouteDeps) {
  const { db, drafts, documentLimits } = deps;
  const id = (raw: string) => pathId(raw, 'Installment');
  return new Hono<ActorEnv>()
    .get('/:id', async (c) =>
      c.json({
        ...(await getInstallment(db, drafts, c.var.actor, id(c.req.param('id')))),
        documentLimits,
      } satisfies InstallmentDetail),
    )
    .patch('/:id', async (c) => {
      const input = await readJson(c, updateInstallmentInput);
      return c.json(await updateInstallment(db, drafts, c.var.actor, id(c.req.param('id')), input));
    })
    .delete('/:id', async (c) => {
      await deleteInstallment(deps, c.var.actor, id(c.req.param('id')));
      return c.body(null, 204);
    });
}
