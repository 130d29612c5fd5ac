/** The publishing routes of the API, typed with the shared contract. */
import type {
  PublishChecks,
  PublishInput,
  PublishResult,
  RestoreInput,
  Version,
  VersionDiff,
  VersionSummary,
} from '@baton/shared/publish.ts';
import { request } from '../api/http.ts';

const seg = encodeURIComponent;
const installment = (id: string) => `/api/installments/${seg(id)}`;

export const versionsApi = {
  /** What publishing now would warn about; needs the `publish` capability. */
  publishChecks: (installmentId: string, signal?: AbortSignal) =>
    request<PublishChecks>('GET', `${installment(installmentId)}/publish-checks`, { signal }),
  /** 201 with a new version, or 200 with `created: false` when nothing changed. */
  publish: (installmentId: string, body: PublishInput) =>
    request<PublishResult>('POST', `${installment(installmentId)}/publish`, { body }),
  /** Newest first. */
  list: (installmentId: string, signal?: AbortSignal) =>
    request<VersionSummary[]>('GET', `${installment(installmentId)}/versions`, { signal }),
  get: (installmentId: string, number: number, signal?: AbortSignal) =>
    request<Version>('GET', `${installment(installmentId)}/versions/${number}`, { signal }),
  diff: (installmentId: string, from: number, to: number, signal?: AbortSignal) =>
    request<VersionDiff>('GET', `${installment(installmentId)}/diff?from=${from}&to=${to}`, {
      signal,
    }),
  /** Takes version `number` down from readers for good; it stays listed here, marked. */
  withdraw: (installmentId: string, number: number) =>
    request<VersionSummary>('POST', `${installment(installmentId)}/versions/${number}/withdraw`),
  /**
   * Applies version `number` to the live draft; connected editors see it through
   * Yjs. With `appliedByEditor` this tab's editor already did, and it is only recorded.
   */
  restore: (installmentId: string, number: number, options: { appliedByEditor?: boolean } = {}) =>
    request<VersionSummary>('POST', `${installment(installmentId)}/restore`, {
      body: { version: number, ...options } satisfies RestoreInput,
    }),
};
