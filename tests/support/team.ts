/**
 * The setup the integration tests share: people, a series, its members and
 * installments, made through the real API. A step the server refuses throws,
 * so no test runs on a half-made team.
 */
import type { InstallmentSummary, SeriesSummary } from '@baton/shared/api.ts';
import type { Role } from '@baton/shared/roles.ts';
import { api, signUp, type TestUser } from './http.ts';

export type Who = Role | 'stranger';
export const everyone: Who[] = ['owner', 'editor', 'commenter', 'viewer', 'stranger'];

/** Adds an existing account to the series as `role`. */
export async function addMember(
  baseUrl: string,
  owner: TestUser,
  seriesId: string,
  user: TestUser,
  role: Role,
): Promise<void> {
  const res = await api(baseUrl, owner, 'POST', `/api/series/${seriesId}/members`, {
    email: user.email,
    role,
  });
  if (res.status !== 201) throw new Error(`could not add ${role}: ${res.status}`);
}

/** Signs a new account up as `name` and adds it to the series as `role`. */
export async function newMember(
  baseUrl: string,
  owner: TestUser,
  seriesId: string,
  role: Role,
  name: string,
): Promise<TestUser> {
  const user = await signUp(baseUrl, name);
  await addMember(baseUrl, owner, seriesId, user, role);
  return user;
}

/** Adds an installment titled `title` to the series as `user`; returns its id. */
export async function addInstallment(
  baseUrl: string,
  user: TestUser,
  seriesId: string,
  title: string,
): Promise<string> {
  const res = await api<InstallmentSummary>(
    baseUrl,
    user,
    'POST',
    `/api/series/${seriesId}/installments`,
    { title },
  );
  if (res.status !== 201) throw new Error(`could not add "${title}": ${res.status}`);
  return res.body.id;
}

export interface SeriesSetup {
  title?: string;
  /** Titles of the installments to add, in order. */
  installments?: string[];
  /** Who joins, one account per role. */
  members?: Partial<Record<Role, TestUser>>;
}

export interface SeededSeries {
  id: string;
  slug: string;
  installments: InstallmentSummary[];
}

/** A new series of `owner`: the installments first, then the members. */
export async function seedSeries(
  baseUrl: string,
  owner: TestUser,
  { title = 'The Relay', installments = [], members = {} }: SeriesSetup = {},
): Promise<SeededSeries> {
  const series = await api<SeriesSummary>(baseUrl, owner, 'POST', '/api/series', { title });
  if (series.status !== 201) throw new Error(`could not create "${title}": ${series.status}`);
  const { id, slug } = series.body;
  const parts: InstallmentSummary[] = [];
  for (const part of installments) {
    const res = await api<InstallmentSummary>(
      baseUrl,
      owner,
      'POST',
      `/api/series/${id}/installments`,
      { title: part },
    );
    if (res.status !== 201) throw new Error(`could not add "${part}": ${res.status}`);
    parts.push(res.body);
  }
  for (const [role, user] of Object.entries(members) as Array<[Role, TestUser]>) {
    await addMember(baseUrl, owner, id, user, role);
  }
  return { id, slug, installments: parts };
}

/** A series with one installment, one member of every role, and a stranger. */
export interface Team {
  users: Record<Who, TestUser>;
  seriesId: string;
  installmentId: string;
  /** Another series of the owner's, which the editor, commenter and viewer join. */
  newSeries(setup?: Omit<SeriesSetup, 'members'>): Promise<SeededSeries>;
  /** Adds an installment titled `title` to the team's series; returns its id. */
  newInstallment(title: string): Promise<string>;
}

export async function seedTeam(baseUrl: string): Promise<Team> {
  const users = {} as Record<Who, TestUser>;
  for (const who of everyone) users[who] = await signUp(baseUrl, `${who} user`);
  const { owner, editor, commenter, viewer } = users;
  const members = { editor, commenter, viewer };
  const series = await seedSeries(baseUrl, owner, {
    installments: ['Taking the baton'],
    members,
  });
  return {
    users,
    seriesId: series.id,
    installmentId: series.installments[0]!.id,
    newSeries: (setup) => seedSeries(baseUrl, owner, { ...setup, members }),
    newInstallment: (title) => addInstallment(baseUrl, owner, series.id, title),
  };
}
