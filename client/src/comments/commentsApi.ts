/** The comment routes of the API, typed with the shared contract. */
import type {
  CommentThread,
  CreateThreadInput,
  EditMessageInput,
  ReanchorThreadInput,
  ReplyInput,
  UpdateThreadInput,
} from '@baton/shared/comments.ts';
import { request } from '../api/http.ts';

const seg = encodeURIComponent;

/** Every route answers with the whole thread after the change. */
export const commentsApi = {
  listThreads: (installmentId: string, signal?: AbortSignal) =>
    request<CommentThread[]>('GET', `/api/installments/${seg(installmentId)}/threads`, { signal }),
  createThread: (installmentId: string, body: CreateThreadInput) =>
    request<CommentThread>('POST', `/api/installments/${seg(installmentId)}/threads`, { body }),
  reply: (threadId: string, body: ReplyInput) =>
    request<CommentThread>('POST', `/api/threads/${seg(threadId)}/replies`, { body }),
  setResolved: (threadId: string, body: UpdateThreadInput) =>
    request<CommentThread>('PATCH', `/api/threads/${seg(threadId)}`, { body }),
  reanchor: (threadId: string, body: ReanchorThreadInput) =>
    request<CommentThread>('PUT', `/api/threads/${seg(threadId)}/anchor`, { body }),
  editMessage: (messageId: string, body: EditMessageInput) =>
    request<CommentThread>('PATCH', `/api/messages/${seg(messageId)}`, { body }),
  deleteMessage: (messageId: string) =>
    request<CommentThread>('DELETE', `/api/messages/${seg(messageId)}`),
};

/** The installment's live events (server-sent events). */
export const installmentEventsUrl = (installmentId: string) =>
  `/api/installments/${seg(installmentId)}/events`;
