import { plural } from '../lib/format.ts';
import { SpeechBubble } from './SpeechBubble.tsx';
import './openThreadCount.css';

/** A speech bubble with the number of open comment threads; nothing when there are none. */
export function OpenThreadCount({ count }: { count: number }) {
  if (count <= 0) return null;
  const label = plural(count, 'open comment');
  return (
    <span
      className="open-threads"
      role="img"
      aria-label={label}
      title={label}
      data-testid="open-thread-count"
    >
      <SpeechBubble />
      {count}
    </span>
  );
}
