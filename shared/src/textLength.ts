/**
 * Text over its limit is refused with its length and the limit, never cut: a
 * pasted title that lost its end silently would be published that way. The
 * API's schemas and the forms (as you type) share this wording.
 */

const count = (n: number) => n.toLocaleString('en-US');

/** "Title is 250 characters; the limit is 200". */
export function tooLongMessage(noun: string, length: number, max: number): string {
  return `${noun} is ${count(length)} characters; the limit is ${count(max)}`;
}

/** The message while `text`, trimmed as the API trims it, is longer than `max`; else null. */
export function tooLong(noun: string, text: string, max: number): string | null {
  const length = text.trim().length;
  return length > max ? tooLongMessage(noun, length, max) : null;
}
