/**
 * Whether an update can be integrated completely into a document now. Yjs
 * keeps what it cannot integrate as pending, waiting for the missing part, and
 * a log holding such leftovers can break compaction and fresh clients. The
 * server commits before anyone sees a change, so a client's updates build
 * only on what the server has and on the client's own changes; those it sends
 * in its sync step 2 at the latest. So an update that skips clocks or refers
 * to content the server does not have waits for its client's step 2
 * (Connection), and is refused whole after it.
 */
import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What the update lacks, in words, or null when everything it builds on is there. */
export function missingDependency(doc: Y.Doc, { structs, ds }: DecodedUpdate): string | null {
  // How far each client's clock reaches: the document's state, extended by this update.
  const reach = new Map<number, number>();
  const known = (client: number) => reach.get(client) ?? Y.getState(doc.store, client);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return 'the update has a gap';
    const { client, clock } = struct.id;
    if (clock > known(client)) return 'the update skips changes the server does not have';
    reach.set(client, Math.max(known(client), clock + struct.length));
  }
  const isKnown = (id: Y.ID | null) => id === null || id.clock < known(id.client);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!isKnown(struct.origin) || !isKnown(struct.rightOrigin) || !isKnown(parent)) {
      return 'the update builds on changes the server does not have';
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > known(client)) {
        return 'the update deletes content the server does not have';
      }
    }
  }
  return null;
}
