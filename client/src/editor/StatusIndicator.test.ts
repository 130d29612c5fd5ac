import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionSnapshot } from './connectionStatus.ts';
import type { SaveSnapshot } from './saveTracker.ts';
import { sameStatusLine, StatusIndicator } from './StatusIndicator.tsx';

const live: ConnectionSnapshot = {
  connection: 'live',
  message: null,
  terminal: false,
  failures: 0,
};
const saving: SaveSnapshot = { state: 'saving', localSeq: 2, savedSeq: 1, readOnly: false };
const saved: SaveSnapshot = { state: 'saved', localSeq: 2, savedSeq: 2, readOnly: false };

const offline: ConnectionSnapshot = {
  connection: 'offline',
  message: 'Cannot reach the server.',
  terminal: false,
  failures: 1,
};

const render = (save: SaveSnapshot, slowSave: boolean, connection = live) =>
  renderToStaticMarkup(createElement(StatusIndicator, { connection, save, slowSave, flash: null }));

describe('StatusIndicator', () => {
  it('says "Saving…" while saving is quick', () => {
    const html = render(saving, false);
    expect(html).toContain('Saving…');
    expect(html).toContain('data-save="saving"');
    expect(html).not.toContain('data-save-slow');
  });

  it('says the server is retrying when saving is slow, keeping data-save as it is', () => {
    const html = render(saving, true);
    expect(html).toContain('Still saving… the server is retrying');
    expect(html).toContain('data-save="saving"');
    expect(html).toContain('data-save-slow="true"');
  });

  it('is back to normal once saved, even before the slow flag clears', () => {
    const html = render(saved, true);
    expect(html).toContain('Saved');
    expect(html).not.toContain('retrying');
    expect(html).not.toContain('data-save-slow');
  });

  it('AUTH-7 says signed out, not reconnecting, and that unconfirmed edits stay on the page', () => {
    const offline: ConnectionSnapshot = {
      connection: 'offline',
      message: 'Cannot reach the server. Reconnecting…',
      terminal: false,
      failures: 4,
    };
    const html = renderToStaticMarkup(
      createElement(StatusIndicator, {
        connection: offline,
        save: saving,
        slowSave: true,
        flash: null,
        signedOut: true,
      }),
    );
    expect(html).toContain('data-connection="signed-out"');
    expect(html).toContain('Signed out');
    expect(html).toContain('Unsaved changes kept here');
    expect(html).not.toContain('Reconnecting');
    expect(html).not.toContain('data-save-slow');
  });

  it('OFF-2 says how many changes the server lacks while offline', () => {
    const unsaved: SaveSnapshot = { state: 'unsaved', localSeq: 5, savedSeq: 2, readOnly: false };
    const html = render(unsaved, false, offline);
    expect(html).toContain('Offline');
    expect(html).toContain('—');
    expect(html).toContain('3 changes not yet saved');
    expect(html).toContain('data-unsaved="3"');
    expect(render({ ...unsaved, localSeq: 3 }, false, offline)).toContain('1 change not yet saved');
  });

  it('reads the same while typing online, so the line does not re-render on each keystroke', () => {
    const more: SaveSnapshot = { ...saving, localSeq: 9 };
    expect(render(more, false)).toBe(render(saving, false));
    expect(render(saving, false)).not.toContain('data-unsaved');
    expect(sameStatusLine(saving, more)).toBe(true);
    expect(sameStatusLine(saving, saved)).toBe(false);
    const unsaved: SaveSnapshot = { state: 'unsaved', localSeq: 5, savedSeq: 2, readOnly: false };
    // Offline, the count shows: each change reads differently.
    expect(sameStatusLine(unsaved, { ...unsaved, localSeq: 6 })).toBe(false);
    expect(sameStatusLine(unsaved, { ...unsaved, readOnly: true })).toBe(false);
  });
});
