import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { othersAwareness } from './othersAwareness.ts';

function twoClients() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  /** Brings `theirs`' state into `mine`, as the provider does. */
  const receive = () =>
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
  return { mine, theirs, receive };
}

describe('othersAwareness', () => {
  it('tells change listeners of other clients only', () => {
    const { mine, theirs, receive } = twoClients();
    const heard: number[][] = [];
    othersAwareness(mine).on(
      'change',
      ({ added, updated }: { added: number[]; updated: number[] }) =>
        heard.push([...added, ...updated]),
    );

    mine.setLocalStateField('cursor', { anchor: 1, head: 1 });
    expect(heard).toEqual([]);

    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 });
    receive();
    expect(heard).toEqual([[theirs.clientID]]);
  });

  it('still passes on update events and reads the real states', () => {
    const { mine } = twoClients();
    const view = othersAwareness(mine);
    let updates = 0;
    view.on('update', () => updates++);
    view.setLocalStateField('user', { name: 'Ann' });
    expect(updates).toBe(1);
    expect(view.getLocalState()).toEqual({ user: { name: 'Ann' } });
    expect(view.states).toBe(mine.states);
    expect(view.clientID).toBe(mine.clientID);
  });

  it('removes a change listener given the same function', () => {
    const { mine, theirs, receive } = twoClients();
    const view = othersAwareness(mine);
    let heard = 0;
    const listener = () => heard++;
    view.on('change', listener);
    view.off('change', listener);
    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 });
    receive();
    expect(heard).toBe(0);
  });
});
