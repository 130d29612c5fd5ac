/**
 * `GET /api/openapi.json`: the API described as OpenAPI 3.1. Request bodies
 * and queries are the shared zod schemas the routes validate with, turned
 * into JSON Schema by zod itself, so the document cannot drift from what the
 * server accepts. Paths come from the routes the app really mounted; a route
 * missing from the table below is still listed, without a summary (the test
 * OPENAPI-1 refuses that).
 */
import {
  createInstallmentInput,
  createSeriesInput,
  installmentOrderInput,
  updateInstallmentInput,
  updateSeriesInput,
} from '@baton/shared/api.ts';
import {
  createThreadInput,
  editMessageInput,
  reanchorThreadInput,
  replyInput,
  updateThreadInput,
} from '@baton/shared/comments.ts';
import { appendContentInput, contentQuery, putContentInput } from '@baton/shared/content.ts';
import { changeRoleInput, createShareLinkInput, inviteMemberInput } from '@baton/shared/members.ts';
import { publishInput, restoreInput } from '@baton/shared/publish.ts';
import { createWebhookInput, updateWebhookInput } from '@baton/shared/webhooks.ts';
import { z } from 'zod';

interface Operation {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
}

/** `METHOD /api/path` (Hono syntax) → what it does and what it takes. */
const operations: Record<string, Operation> = {
  'GET /api/series': { summary: 'Series you are a member of' },
  'POST /api/series': { summary: 'Create a series', body: createSeriesInput },
  'GET /api/series/:id': { summary: 'A series with its installments' },
  'PATCH /api/series/:id': {
    summary: 'Change title, slug or description',
    body: updateSeriesInput,
  },
  'DELETE /api/series/:id': { summary: 'Delete a series (owners)' },
  'POST /api/series/:id/installments': {
    summary: 'Add an installment, optionally from an imported file',
    body: createInstallmentInput,
  },
  'PUT /api/series/:id/installment-order': {
    summary: 'Set the reading order of the installments',
    body: installmentOrderInput,
  },
  'GET /api/series/:id/members': { summary: 'Members, invitations and share links' },
  'POST /api/series/:id/members': { summary: 'Add a member by email', body: inviteMemberInput },
  'PATCH /api/series/:id/members/:userId': {
    summary: "Change a member's role",
    body: changeRoleInput,
  },
  'DELETE /api/series/:id/members/:userId': { summary: 'Remove a member' },
  'DELETE /api/series/:id/invitations/:invitationId': { summary: 'Cancel an invitation' },
  'POST /api/series/:id/links': { summary: 'Create a share link', body: createShareLinkInput },
  'DELETE /api/series/:id/links/:linkId': { summary: 'Revoke a share link' },
  'GET /api/links/:token': { summary: 'What a share link offers (no sign-in needed)' },
  'POST /api/links/:token/accept': { summary: 'Join a series through a share link' },
  'GET /api/installments/:id': { summary: 'An installment and your role in it' },
  'PATCH /api/installments/:id': { summary: 'Rename an installment', body: updateInstallmentInput },
  'DELETE /api/installments/:id': {
    summary: 'Delete an installment (owners); its versions leave the reader',
  },
  'GET /api/installments/:id/content': {
    summary: 'The draft as Markdown, JSON or text, with its hash',
    query: contentQuery,
  },
  'PUT /api/installments/:id/content': {
    summary: 'Replace the draft by its smallest change, live',
    body: putContentInput,
  },
  'POST /api/installments/:id/content/append': {
    summary: 'Append paragraphs to the draft, live',
    body: appendContentInput,
  },
  'GET /api/installments/:id/events': {
    summary: 'Server-sent events: comments and publishing (Last-Event-ID resumes)',
  },
  'GET /api/installments/:id/threads': { summary: 'Comment threads of the draft' },
  'POST /api/installments/:id/threads': {
    summary: 'Start a thread on a range of the draft',
    body: createThreadInput,
  },
  'POST /api/threads/:id/replies': { summary: 'Reply to a thread', body: replyInput },
  'PATCH /api/threads/:id': { summary: 'Resolve or reopen a thread', body: updateThreadInput },
  'PUT /api/threads/:id/anchor': {
    summary: 'Move a thread to text an undo brought back',
    body: reanchorThreadInput,
  },
  'PATCH /api/messages/:id': { summary: 'Edit your message', body: editMessageInput },
  'DELETE /api/messages/:id': { summary: 'Delete your message' },
  'GET /api/installments/:id/publish-checks': { summary: 'What publishing now would warn about' },
  'POST /api/installments/:id/publish': {
    summary: 'Publish the draft as the next version',
    body: publishInput,
  },
  'GET /api/installments/:id/versions': { summary: 'Published versions, newest first' },
  'GET /api/installments/:id/versions/:number': {
    summary: 'One version: HTML, Markdown and ProseMirror JSON',
  },
  'POST /api/installments/:id/versions/:number/withdraw': {
    summary: 'Withdraw a version from readers, for good',
  },
  'GET /api/installments/:id/diff': { summary: 'Compare two versions (?from=&to=)' },
  'POST /api/installments/:id/restore': {
    summary: 'Restore a version into the draft',
    body: restoreInput,
  },
  'GET /api/series/:id/webhooks': { summary: "The series' webhooks (owners)" },
  'POST /api/series/:id/webhooks': {
    summary: 'Add a webhook; its signing secret is in this answer only',
    body: createWebhookInput,
  },
  'PATCH /api/webhooks/:id': {
    summary: 'Enable, disable or change the events of a webhook',
    body: updateWebhookInput,
  },
  'DELETE /api/webhooks/:id': { summary: 'Delete a webhook' },
  'GET /api/webhooks/:id/deliveries': { summary: 'The latest deliveries and their attempts' },
  'POST /api/webhooks/:id/test': { summary: 'Send a signed ping' },
  'POST /api/webhooks/:id/secret': { summary: 'Rotate the signing secret' },
  'GET /api/openapi.json': { summary: 'This document' },
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}');

const errorResponse = {
  description: 'An error: `{ error: { code, message, fields? } }`',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function operation(method: string, path: string) {
  const described = operations[`${method} ${path}`];
  const parameters = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (described?.query) {
    for (const [name, schema] of Object.entries(described.query.shape)) {
      parameters.push({
        name,
        in: 'query',
        required: false,
        schema: z.toJSONSchema(schema as z.ZodType, { io: 'input' }) as { type: string },
      });
    }
  }
  return {
    ...(described && { summary: described.summary }),
    ...(parameters.length > 0 && { parameters }),
    ...(described?.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: z.toJSONSchema(described.body, { io: 'input' }) },
        },
      },
    }),
    responses: { '2XX': { description: 'Success (JSON)' }, default: errorResponse },
  };
}

/** The OpenAPI document of the routes mounted under /api (Hono's `app.routes`). */
export function openApiDocument(
  routes: ReadonlyArray<{ method: string; path: string }>,
  publicUrl: string,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path } of routes) {
    if (method === 'ALL' || !path.startsWith('/api/') || path.startsWith('/api/auth/')) continue;
    if (path.includes('*')) continue;
    const key = toOpenApiPath(path);
    paths[key] ??= {};
    paths[key][method.toLowerCase()] = operation(method, path);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baton API',
      version: '1',
      description:
        'Sign in with a session cookie (better-auth, `/api/auth/*`) or send a personal API key as `Authorization: Bearer <key>`. State-changing requests from a browser need a trusted Origin.',
    },
    servers: [{ url: publicUrl }],
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
