/**
 * The page's collaboration sockets, passed through a relay the test controls:
 * it counts the page's connection attempts, and `dropOutgoing` loses the
 * page's frames on the way to the server (a link that drops them), so edits
 * stay unconfirmed for as long as the test needs.
 */
import type { Page } from 'playwright-core';

export interface CollabRelay {
  /** Sockets the page has tried to open so far. */
  readonly attempts: number;
  /** While true, frames from the page never reach the server. */
  dropOutgoing: boolean;
}

/** Routes the page's `/collab/` sockets; call before the page opens the editor. */
export async function relayCollabSockets(page: Page): Promise<CollabRelay> {
  const relay = { attempts: 0, dropOutgoing: false };
  await page.routeWebSocket(/\/collab\//, (socket) => {
    relay.attempts += 1;
    const server = socket.connectToServer();
    // Server to page is forwarded as is; closes travel both ways by default.
    socket.onMessage((message) => {
      if (!relay.dropOutgoing) server.send(message);
    });
  });
  return relay;
}
