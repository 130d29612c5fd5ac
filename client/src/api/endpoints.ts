/** One typed function per API route the client uses. */
import type {
  CreateInstallmentInput,
  CreateSeriesInput,
  InstallmentDetail,
  InstallmentSummary,
  SeriesDetail,
  SeriesSummary,
  UpdateInstallmentInput,
  UpdateSeriesInput,
} from '@baton/shared/api.ts';
import { request } from './http.ts';

const seg = encodeURIComponent;

export const api = {
  listSeries: (signal?: AbortSignal) => request<SeriesSummary[]>('GET', '/api/series', { signal }),
  createSeries: (body: CreateSeriesInput) =>
    request<SeriesSummary>('POST', '/api/series', { body }),
  getSeries: (id: string, signal?: AbortSignal) =>
    request<SeriesDetail>('GET', `/api/series/${seg(id)}`, { signal }),
  updateSeries: (id: string, body: UpdateSeriesInput) =>
    request<SeriesSummary>('PATCH', `/api/series/${seg(id)}`, { body }),
  createInstallment: (seriesId: string, body: CreateInstallmentInput) =>
    request<InstallmentSummary>('POST', `/api/series/${seg(seriesId)}/installments`, { body }),
  getInstallment: (id: string, signal?: AbortSignal) =>
    request<InstallmentDetail>('GET', `/api/installments/${seg(id)}`, { signal }),
  updateInstallment: (id: string, body: UpdateInstallmentInput) =>
    request<InstallmentSummary>('PATCH', `/api/installments/${seg(id)}`, { body }),
};
