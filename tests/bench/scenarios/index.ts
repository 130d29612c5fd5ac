/** Every scenario, in the order the suite runs them. */
import type { Scenario } from '../types.ts';
import { bigRoom } from './bigRoom.ts';
import { browser } from './browser.ts';
import { fanout } from './fanout.ts';
import { idle, idle10k } from './idle.ts';
import { largeDoc } from './largeDoc.ts';
import { publish } from './publish.ts';
import { rooms } from './rooms.ts';
import { storage } from './storage.ts';

export const scenarios: readonly Scenario[] = [
  fanout,
  bigRoom,
  rooms,
  idle,
  idle10k,
  largeDoc,
  storage,
  browser,
  publish,
];
