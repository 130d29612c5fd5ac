/** One typed function per API route the client uses. */
import type {
  CreateInstallmentInput,
  CreateSeriesInput,
  InstallmentDetail,
  InstallmentOrderInput,
  InstallmentSummary,
  SeriesDetail,
  SeriesSummary,
  UpdateInstallmentInput,
  UpdateSeriesInput,
} from '@baton/shared/api.ts';
import type {
  ChangeRoleInput,
  CreateShareLinkInput,
  InviteMemberInput,
  InviteResult,
  JoinResult,
  Member,
  MembersResponse,
  ShareLink,
  ShareLinkPreview,
} from '@baton/shared/members.ts';
import { request } from './http.ts';

const seg = encodeURIComponent;
const series = (id: string) => `/api/series/${seg(id)}`;

export const api = {
  listSeries: (signal?: AbortSignal) => request<SeriesSummary[]>('GET', '/api/series', { signal }),
  createSeries: (body: CreateSeriesInput) =>
    request<SeriesSummary>('POST', '/api/series', { body }),
  getSeries: (id: string, signal?: AbortSignal) =>
    request<SeriesDetail>('GET', series(id), { signal }),
  updateSeries: (id: string, body: UpdateSeriesInput) =>
    request<SeriesSummary>('PATCH', series(id), { body }),
  deleteSeries: (id: string) => request<void>('DELETE', series(id)),
  createInstallment: (seriesId: string, body: CreateInstallmentInput) =>
    request<InstallmentSummary>('POST', `${series(seriesId)}/installments`, { body }),
  getInstallment: (id: string, signal?: AbortSignal) =>
    request<InstallmentDetail>('GET', `/api/installments/${seg(id)}`, { signal }),
  updateInstallment: (id: string, body: UpdateInstallmentInput) =>
    request<InstallmentSummary>('PATCH', `/api/installments/${seg(id)}`, { body }),
  /** Deletes the draft for everyone and takes its published versions down (410). */
  deleteInstallment: (id: string) => request<void>('DELETE', `/api/installments/${seg(id)}`),
  /** Every live installment of the series, in the new reading order. */
  reorderInstallments: (seriesId: string, body: InstallmentOrderInput) =>
    request<SeriesDetail>('PUT', `${series(seriesId)}/installment-order`, { body }),

  listMembers: (seriesId: string, signal?: AbortSignal) =>
    request<MembersResponse>('GET', `${series(seriesId)}/members`, { signal }),
  inviteMember: (seriesId: string, body: InviteMemberInput) =>
    request<InviteResult>('POST', `${series(seriesId)}/members`, { body }),
  changeRole: (seriesId: string, userId: string, body: ChangeRoleInput) =>
    request<Member>('PATCH', `${series(seriesId)}/members/${seg(userId)}`, { body }),
  /** Removes a member; with your own id, leaves the series. */
  removeMember: (seriesId: string, userId: string) =>
    request<void>('DELETE', `${series(seriesId)}/members/${seg(userId)}`),
  withdrawInvitation: (seriesId: string, invitationId: string) =>
    request<void>('DELETE', `${series(seriesId)}/invitations/${seg(invitationId)}`),
  createShareLink: (seriesId: string, body: CreateShareLinkInput) =>
    request<ShareLink>('POST', `${series(seriesId)}/links`, { body }),
  revokeShareLink: (seriesId: string, linkId: string) =>
    request<void>('DELETE', `${series(seriesId)}/links/${seg(linkId)}`),
  /** Works signed out: what opening the link would do. */
  previewShareLink: (token: string, signal?: AbortSignal) =>
    request<ShareLinkPreview>('GET', `/api/links/${seg(token)}`, { signal }),
  acceptShareLink: (token: string) =>
    request<JoinResult>('POST', `/api/links/${seg(token)}/accept`),
};
