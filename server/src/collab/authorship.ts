/**
 * Who may write new content under a Yjs client id. Every struct carries the
 * id of the client that made it, and a later update with the same id and
 * clock is taken for a duplicate and dropped. So a connection that sent
 * content under another live client's id, at clocks that client has not used
 * yet, would silently swallow that client's next edits. The first connection
 * that writes new content under an id (or announces it in its presence) is
 * its author while it is connected; another person's connection may not write
 * new content under it. A connection of the same person may (a reconnect
 * whose old socket is not yet known to be dead). Content the server already
 * holds can be relayed by anyone: it is a duplicate.
 */
import type * as Y from 'yjs';
import { getState } from 'yjs';
import { malformed } from './refusal.ts';

export interface Author {
  readonly identity: { readonly userId: string };
}

export class Authorship {
  private readonly authors = new Map<number, Author>();

  /**
   * Claims the ids under which `structs` add content for `author`; throws a
   * Refusal (and claims nothing) if one belongs to someone else's connection.
   * `presenceOwner` tells who announced an id in presence.
   */
  claim(
    doc: Y.Doc,
    structs: ReadonlyArray<{ id: { client: number; clock: number }; length: number }>,
    author: Author,
    presenceOwner: (clientId: number) => object | null,
  ): void {
    const newIds = new Set<number>();
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if (clock + struct.length > getState(doc.store, client)) newIds.add(client);
    }
    for (const client of newIds) {
      const current = this.authors.get(client) ?? (presenceOwner(client) as Author | null);
      if (current && current !== author && current.identity.userId !== author.identity.userId) {
        throw malformed('the update writes as another client');
      }
    }
    for (const client of newIds) this.authors.set(client, author);
  }

  /** The connection left: the ids it wrote under are free again. */
  release(author: Author): void {
    for (const [client, current] of this.authors) {
      if (current === author) this.authors.delete(client);
    }
  }
}
