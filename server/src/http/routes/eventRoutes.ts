/**
 * `GET /api/installments/:id/events`: server-sent events for everyone who can
 * read the installment. Resumable: the browser's EventSource sends
 * Last-Event-ID on reconnect and receives what it missed, then live events.
 * An access change for the reader, or the end of the session that opened the
 * stream, closes it (the reconnect re-checks).
 */
import { limits } from '@baton/shared/limits.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import { streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { EndedSessions } from '../../auth/endedSessions.ts';
import type { Database } from '../../db/schema.ts';
import { requireInstallmentCapability } from '../../domain/access.ts';
import type { AccessChanges } from '../../domain/accessChanges.ts';
import type { InstallmentEvent, InstallmentEvents } from '../../events/installmentEvents.ts';
import type { ActorEnv } from '../requireActor.ts';

export interface EventRouteDeps {
  db: Kysely<Database>;
  events: InstallmentEvents;
  accessChanges: AccessChanges;
  endedSessions: EndedSessions;
}

export function eventRoutes({ db, events, accessChanges, endedSessions }: EventRouteDeps) {
  return new Hono<ActorEnv>().get('/:id/events', async (c) => {
    const installmentId = pathId(c.req.param('id'), 'Installment');
    const actor = c.var.actor;
    const sessionToken = c.var.sessionToken;
    const { seriesId } = await requireInstallmentCapability(db, actor, installmentId, 'read');
    const lastEventId = Number.parseInt(c.req.header('last-event-id') ?? '', 10);
    c.header('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream

    return streamSSE(c, async (stream) => {
      let sentUpTo = Number.isFinite(lastEventId) ? lastEventId : 0;
      let replaying = true;
      const waiting: InstallmentEvent[] = [];
      const send = async (event: InstallmentEvent) => {
        if (event.id <= sentUpTo) return;
        sentUpTo = event.id;
        await stream.writeSSE({ id: String(event.id), event: event.type, data: event.data });
      };
      // Subscribe before replaying, so nothing falls between the two.
      const unsubscribe = events.subscribe(installmentId, (event) => {
        if (replaying) waiting.push(event);
        else void send(event);
      });
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const stopOnAccessChange = accessChanges.subscribe((change) => {
        if (change.seriesId !== seriesId) return;
        if (
          change.deletedInstallmentId !== undefined &&
          change.deletedInstallmentId !== installmentId
        )
          return;
        if (change.userIds === null || change.userIds.includes(actor.userId)) void stream.close();
      });
      const stopOnSessionEnd = sessionToken
        ? endedSessions.subscribe(sessionToken, () => void stream.close())
        : () => {};
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 2_000 });
        if (Number.isFinite(lastEventId)) {
          const missed = await events.since(installmentId, lastEventId);
          if (missed === null) await stream.writeSSE({ event: 'reset', data: '{}' });
          else for (const event of missed) await send(event);
        } else {
          // A fresh stream starts from now; the client loads the threads itself.
          sentUpTo = (await events.latestId(installmentId)) ?? 0;
        }
        replaying = false;
        for (const event of waiting.splice(0)) await send(event);
        while (!stream.aborted && !stream.closed) {
          await Promise.race([stream.sleep(limits.sseKeepaliveMs), closed]);
          if (!stream.aborted && !stream.closed) await stream.write(': keepalive\n\n');
        }
      } finally {
        unsubscribe();
        stopOnAccessChange();
        stopOnSessionEnd();
      }
    });
  });
}
