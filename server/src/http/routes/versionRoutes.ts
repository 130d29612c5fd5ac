import { limits } from '@baton/shared/limits.ts';
import { publishInput, restoreInput } from '@baton/shared/publish.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import { z } from 'zod';
import type { RoomRegistry } from '../../collab/roomRegistry.ts';
import {
  checkPublish,
  publishInstallment,
  type VersionDeps,
} from '../../domain/versions/publishInstallment.ts';
import {
  diffVersions,
  getVersion,
  listVersions,
  restoreVersion,
} from '../../domain/versions/versionCommands.ts';
import { withdrawVersion } from '../../domain/versions/withdrawVersion.ts';
import { notFound, validationFailed } from '../../errors/appError.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

const versionNumber = z.coerce.number().int().min(1).max(limits.pathNumberMax);

const id = (raw: string) => pathId(raw, 'Installment');

/** Publishing and versions of an installment, mounted at `/api/installments`. */
export function versionRoutes(deps: VersionDeps & { registry: RoomRegistry }) {
  return new Hono<ActorEnv>()
    .get('/:id/publish-checks', async (c) =>
      c.json(await checkPublish(deps, c.var.actor, id(c.req.param('id')))),
    )
    .post('/:id/publish', async (c) => {
      const installmentId = id(c.req.param('id'));
      const input = await readJson(c, publishInput);
      const result = await publishInstallment(deps, c.var.actor, installmentId, input);
      return c.json(result, result.created ? 201 : 200);
    })
    .get('/:id/versions', async (c) =>
      c.json(await listVersions(deps, c.var.actor, id(c.req.param('id')))),
    )
    .get('/:id/versions/:number', async (c) => {
      const number = versionNumber.safeParse(c.req.param('number'));
      if (!number.success) throw notFound('Version');
      return c.json(await getVersion(deps, c.var.actor, id(c.req.param('id')), number.data));
    })
    .post('/:id/versions/:number/withdraw', async (c) => {
      const number = versionNumber.safeParse(c.req.param('number'));
      if (!number.success) throw notFound('Version');
      return c.json(await withdrawVersion(deps, c.var.actor, id(c.req.param('id')), number.data));
    })
    .get('/:id/diff', async (c) => {
      const from = versionNumber.safeParse(c.req.query('from'));
      const to = versionNumber.safeParse(c.req.query('to'));
      if (!from.success || !to.success) {
        throw validationFailed({
          ...(!from.success && { from: 'must be a version number' }),
          ...(!to.success && { to: 'must be a version number' }),
        });
      }
      return c.json(
        await diffVersions(deps, c.var.actor, id(c.req.param('id')), from.data, to.data),
      );
    })
    .post('/:id/restore', async (c) => {
      const installmentId = id(c.req.param('id'));
      const input = await readJson(c, restoreInput);
      return c.json(
        await restoreVersion(deps, c.var.actor, installmentId, input.version, {
          appliedByEditor: input.appliedByEditor,
        }),
      );
    });
}
