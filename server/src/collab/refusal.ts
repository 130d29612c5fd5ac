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

export const malformed = (message: string) => new Refusal(CloseCode.malformedMessage, message);
export const tooLarge = (message: string) => new Refusal(CloseCode.tooLarge, message);
