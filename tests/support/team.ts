/** A series with one member of every role, and a stranger, for permission tests. */
import type { Role } from '@baton/shared/roles.ts';
import { api, seedInstallment, signUp, type TestUser } from './http.ts';

export type Who = Role | 'stranger';
export const everyone: Who[] = ['owner', 'editor', 'commenter', 'viewer', 'stranger'];

export interface Team {
  users: Record<Who, TestUser>;
  seriesId: string;
  installmentId: string;
}

export async function seedTeam(baseUrl: string): Promise<Team> {
  const users = {} as Record<Who, TestUser>;
  for (const who of everyone) users[who] = await signUp(baseUrl, `${who} user`);
  const { seriesId, installmentId } = await seedInstallment(baseUrl, users.owner);
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    const res = await api(baseUrl, users.owner, 'POST', `/api/series/${seriesId}/members`, {
      email: users[role].email,
      role,
    });
    if (res.status !== 201) throw new Error(`could not add ${role}: ${res.status}`);
  }
  return { users, seriesId, installmentId };
}
