/**
 * The session's awareness as the caret plugin sees it: its `change` listeners
 * hear only of other clients. y-tiptap's caret plugin answers every `change` by
 * dispatching an editor transaction on the next tick to redraw the other
 * writers' carets, and your own caret moving is such a change: one extra
 * transaction, with every plugin and React selector run again, after each
 * keystroke, though your own caret is never drawn from awareness.
 */
import type { Awareness } from 'y-protocols/awareness';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

type ChangeListener = (changes: AwarenessChanges, origin: unknown) => void;

/** Whether a change concerns no client but `self`. */
export function onlyClient(changes: AwarenessChanges, self: number): boolean {
  return [changes.added, changes.updated, changes.removed].every((ids) =>
    ids.every((id) => id === self),
  );
}

export function othersAwareness(awareness: Awareness): Awareness {
  const wrapped = new WeakMap<ChangeListener, ChangeListener>();
  const wrap = (listener: ChangeListener): ChangeListener => {
    let inner = wrapped.get(listener);
    if (!inner) {
      inner = (changes, origin) => {
        if (!onlyClient(changes, awareness.clientID)) listener(changes, origin);
      };
      wrapped.set(listener, inner);
    }
    return inner;
  };
  return new Proxy(awareness, {
    get(target, property, receiver) {
      if (property === 'on' || property === 'off') {
        return (name: string, listener: ChangeListener) =>
          name === 'change'
            ? target[property](name, wrap(listener))
            : target[property](name as 'update', listener);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
