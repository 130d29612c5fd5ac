import { MessageType, READ_ONLY_REASON } from '@baton/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { awarenessFrame } from '../support/frames.ts';
import { openSocket } from '../support/rawSocket.ts';
import { seedTeam, type Team } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { until } from '../support/waitFor.ts';
import type { CollabClient } from '../support/collabClient.ts';

let server: TestServer;
let team: Team;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(() => server.dispose());

type UserState = { user?: { name?: string; color?: string }; marker?: string };
const stateOf = (observer: CollabClient, clientId: number) =>
  observer.provider.awareness.getStates().get(clientId) as UserState | undefined;
const onAwareness = (observer: CollabClient) => (notify: () => void) => {
  observer.provider.awareness.on('change', notify);
  return () => observer.provider.awareness.off('change', notify);
};

describe('presence identity is the server’s', () => {
  it('PRES-1 a client cannot claim another name: the account’s name and colour replace it', async () => {
    const editor = connectClient(server.url, team.installmentId, team.users.editor.cookie);
    const observer = connectClient(server.url, team.installmentId, team.users.owner.cookie);
    await Promise.all([untilSynced(editor), untilSynced(observer)]);
    editor.provider.awareness.setLocalState({
      user: { name: 'The Owner', color: '#000000' },
      marker: 'm1',
    });
    await until(
      'the observer sees the editor',
      () => stateOf(observer, editor.doc.clientID)?.marker === 'm1',
      onAwareness(observer),
    );
    const seen = stateOf(observer, editor.doc.clientID);
    expect(seen?.user?.name).toBe('editor user');
    expect(seen?.user?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(seen?.user?.color).not.toBe('#000000');
    editor.destroy();
    observer.destroy();
  });

  it('PRES-2 a connection cannot set the state of another client id', async () => {
    const victim = connectClient(server.url, team.installmentId, team.users.viewer.cookie);
    const observer = connectClient(server.url, team.installmentId, team.users.owner.cookie);
    await Promise.all([untilSynced(victim), untilSynced(observer)]);
    victim.provider.awareness.setLocalState({ marker: 'victim' });
    await until(
      'the observer sees the victim',
      () => stateOf(observer, victim.doc.clientID)?.marker === 'victim',
      onAwareness(observer),
    );

    const attacker = await openSocket(
      `${server.url.replace('http', 'ws')}/collab/${team.installmentId}`,
      {
        cookie: team.users.editor.cookie,
        origin: server.url,
      },
    );
    attacker.ws.send(
      awarenessFrame([
        {
          clientId: victim.doc.clientID,
          clock: 1_000_000,
          state: JSON.stringify({ marker: 'spoofed' }),
        },
      ]),
    );
    // Then its own state: once the observer sees that, the spoof has been handled too.
    attacker.ws.send(
      awarenessFrame([
        { clientId: 424242, clock: 1, state: JSON.stringify({ marker: 'attacker' }) },
      ]),
    );
    await until(
      'the observer sees the attacker',
      () => stateOf(observer, 424242)?.marker === 'attacker',
      onAwareness(observer),
    );
    expect(stateOf(observer, victim.doc.clientID)?.marker).toBe('victim');
    attacker.ws.close();
    victim.destroy();
    observer.destroy();
  });
});

describe('read-only connections', () => {
  it('ROLE-5 a viewer’s stock provider is told it is read-only, receives live edits, and its writes reach nobody', async () => {
    const owner = connectClient(server.url, team.installmentId, team.users.owner.cookie);
    const viewer = connectClient(server.url, team.installmentId, team.users.viewer.cookie);
    let readOnlyReason: string | null = null;
    viewer.provider.messageHandlers[MessageType.auth] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
        readOnlyReason = reason;
      });
    };
    await Promise.all([untilSynced(owner), untilSynced(viewer)]);
    appendParagraph(owner.doc, 'live from the owner');
    await untilDoc(viewer, 'the viewer receives it', (doc) =>
      paragraphs(doc).includes('live from the owner'),
    );
    expect(readOnlyReason).toBe(READ_ONLY_REASON);

    appendParagraph(viewer.doc, 'the viewer tries to write');
    await roundTrip(viewer);
    const fresh = connectClient(server.url, team.installmentId, team.users.editor.cookie);
    await untilSynced(fresh);
    expect(paragraphs(fresh.doc)).not.toContain('the viewer tries to write');
    expect(paragraphs(owner.doc)).not.toContain('the viewer tries to write');
    for (const c of [owner, viewer, fresh]) c.destroy();
  });
});

describe('presence pacing', () => {
  it('PRES-3 presence changes within PRESENCE_INTERVAL_MS reach other clients in one message, after the edit that came with them', async () => {
    // A long interval, so the order below cannot depend on how fast this machine is.
    const paced = await startTestServer({ env: { PRESENCE_INTERVAL_MS: '1000' } });
    try {
      const pacedTeam = await seedTeam(paced.url);
      const writer = connectClient(
        paced.url,
        pacedTeam.installmentId,
        pacedTeam.users.editor.cookie,
      );
      const observer = connectClient(
        paced.url,
        pacedTeam.installmentId,
        pacedTeam.users.owner.cookie,
      );
      await Promise.all([untilSynced(writer), untilSynced(observer)]);
      // Presence the room sent already: the changes below start a new interval.
      writer.provider.awareness.setLocalStateField('marker', 'caret 0');
      await until(
        'the observer sees the writer',
        () => stateOf(observer, writer.doc.clientID)?.marker === 'caret 0',
        onAwareness(observer),
      );
      const markersSeen: Array<string | undefined> = [];
      observer.provider.awareness.on('change', () => {
        markersSeen.push(stateOf(observer, writer.doc.clientID)?.marker);
      });

      writer.provider.awareness.setLocalStateField('marker', 'caret 1');
      await roundTrip(writer); // the server has taken the first change
      writer.provider.awareness.setLocalStateField('marker', 'caret 2');
      appendParagraph(writer.doc, 'typed with the caret');
      await untilDoc(observer, 'the edit arrives', (doc) =>
        paragraphs(doc).includes('typed with the caret'),
      );
      expect(markersSeen).toEqual([]);

      await until(
        'the observer sees the caret',
        () => stateOf(observer, writer.doc.clientID)?.marker === 'caret 2',
        onAwareness(observer),
      );
      expect(markersSeen).toEqual(['caret 2']);
      writer.destroy();
      observer.destroy();
    } finally {
      await paced.dispose();
    }
  });

  it('PRES-5 a client is not sent its own presence back', async () => {
    // A room of its own: other tests' clients leaving would share its messages.
    const own = await startTestServer();
    try {
      const ownTeam = await seedTeam(own.url);
      const writer = connectClient(own.url, ownTeam.installmentId, ownTeam.users.editor.cookie);
      const observer = connectClient(own.url, ownTeam.installmentId, ownTeam.users.owner.cookie);
      await Promise.all([untilSynced(writer), untilSynced(observer)]);
      // Both say hello first, maybe in one message to both.
      writer.provider.awareness.setLocalStateField('marker', 'hello');
      observer.provider.awareness.setLocalStateField('marker', 'hello');
      await until(
        'each client sees the other',
        () =>
          stateOf(writer, observer.doc.clientID)?.marker === 'hello' &&
          stateOf(observer, writer.doc.clientID)?.marker === 'hello',
        (notify) => {
          const stopWriter = onAwareness(writer)(notify);
          const stopObserver = onAwareness(observer)(notify);
          return () => {
            stopWriter();
            stopObserver();
          };
        },
      );
      const clientIdsSent = recordAwarenessClientIds(writer);

      writer.provider.awareness.setLocalStateField('marker', 'mine');
      await until(
        'the observer sees the writer',
        () => stateOf(observer, writer.doc.clientID)?.marker === 'mine',
        onAwareness(observer),
      );
      // The room sends presence to each socket in order: once the writer has the
      // observer's change, anything sent about its own came before it.
      observer.provider.awareness.setLocalStateField('marker', 'theirs');
      await until(
        'the writer sees the observer',
        () => stateOf(writer, observer.doc.clientID)?.marker === 'theirs',
        onAwareness(writer),
      );
      expect(clientIdsSent).toContain(observer.doc.clientID);
      expect(clientIdsSent).not.toContain(writer.doc.clientID);
      writer.destroy();
      observer.destroy();
    } finally {
      await own.dispose();
    }
  });
});

/** Every client id in the awareness messages `client` receives from now on. */
function recordAwarenessClientIds(client: CollabClient): number[] {
  const seen: number[] = [];
  const handlers = client.provider.messageHandlers;
  const handle = handlers[MessageType.awareness];
  if (!handle) throw new Error('the provider has no awareness handler');
  handlers[MessageType.awareness] = (encoder, decoder, provider, emitSynced, messageType) => {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoding.clone(decoder)));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      seen.push(decoding.readVarUint(update));
      decoding.readVarUint(update); // clock
      decoding.readVarString(update); // state
    }
    handle(encoder, decoder, provider, emitSynced, messageType);
  };
  return seen;
}
