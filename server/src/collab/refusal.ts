/**
 * A client broke a protocol rule or a limit. Thrown anywhere below a
 * connection's message handler; the connection closes with `code` and nothing
 * of the offending message is applied, stored or forwarded.
 */
import { CloseCode } from '@baton/shared/protocol.ts';

export class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/**
 * An update that builds on (or deletes) changes the server does not have.
 * Refused like a malformed one, except while its client's handshake is still
 * under way: its sync step 2 may bring what is missing (see Connection).
 */
export class MissingDependency extends Refusal {
  constructor(message: string) {
    super(CloseCode.malformedMessage, message);
    this.name = 'MissingDependency';
  }
}

export const malformed = (message: string) => new Refusal(CloseCode.malformedMessage, message);
export const tooLarge = (message: string) => new Refusal(CloseCode.tooLarge, message);

/**
 * An update from a suggestions-only connection that does more than suggest
 * (SUG-4). Not a protocol error: nothing closes, the update is not applied,
 * and the connection is read-only from then on (its later updates build on
 * this one).
 */
export class NotASuggestion extends Error {
  constructor() {
    super('a suggestions-only connection may only write its own suggestions');
    this.name = 'NotASuggestion';
  }
}
