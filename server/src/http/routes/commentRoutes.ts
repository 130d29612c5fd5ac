import {
  createThreadInput,
  editMessageInput,
  reanchorThreadInput,
  replyInput,
  updateThreadInput,
} from '@baton/shared/comments.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import type { CommentDeps } from '../../domain/comments/commentContext.ts';
import { createThread } from '../../domain/comments/createThread.ts';
import { listThreads } from '../../domain/comments/listThreads.ts';
import { reanchorThread } from '../../domain/comments/reanchorThread.ts';
import {
  deleteMessage,
  editMessage,
  replyToThread,
  setThreadResolved,
} from '../../domain/comments/threadCommands.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

/** Threads of an installment, mounted at `/api/installments`. */
export function installmentThreadRoutes(deps: CommentDeps) {
  return new Hono<ActorEnv>()
    .get('/:id/threads', async (c) =>
      c.json(await listThreads(deps, c.var.actor, pathId(c.req.param('id'), 'Installment'))),
    )
    .post('/:id/threads', async (c) => {
      const installmentId = pathId(c.req.param('id'), 'Installment');
      const input = await readJson(c, createThreadInput);
      return c.json(await createThread(deps, c.var.actor, installmentId, input), 201);
    });
}

/** `/api/threads/:id` and `/api/messages/:id`. */
export function threadRoutes(deps: CommentDeps) {
  return new Hono<ActorEnv>()
    .post('/threads/:id/replies', async (c) => {
      const threadId = pathId(c.req.param('id'), 'Thread');
      const input = await readJson(c, replyInput);
      return c.json(await replyToThread(deps, c.var.actor, threadId, input), 201);
    })
    .patch('/threads/:id', async (c) => {
      const threadId = pathId(c.req.param('id'), 'Thread');
      const input = await readJson(c, updateThreadInput);
      return c.json(await setThreadResolved(deps, c.var.actor, threadId, input));
    })
    .put('/threads/:id/anchor', async (c) => {
      const threadId = pathId(c.req.param('id'), 'Thread');
      const input = await readJson(c, reanchorThreadInput);
      return c.json(await reanchorThread(deps, c.var.actor, threadId, input));
    })
    .patch('/messages/:id', async (c) => {
      const messageId = pathId(c.req.param('id'), 'Message');
      const input = await readJson(c, editMessageInput);
      return c.json(await editMessage(deps, c.var.actor, messageId, input));
    })
    .delete('/messages/:id', async (c) =>
      c.json(await deleteMessage(deps, c.var.actor, pathId(c.req.param('id'), 'Message'))),
    );
}
