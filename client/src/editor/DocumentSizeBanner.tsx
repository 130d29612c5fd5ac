import type { WebsocketProvider } from 'y-websocket';
import type { DocumentLimits } from '@baton/shared/api.ts';
import { documentSizeNotice } from './documentSize.ts';
import { useDocumentSize } from './useDocumentSize.ts';

interface Props {
  provider: WebsocketProvider;
  /** The server's limits, from the installment detail. */
  limits: DocumentLimits;
}

/**
 * Warns, without blocking anything, when the installment nears the server's
 * size limit. Its own component so that a new measurement re-renders only this.
 */
export function DocumentSizeBanner({ provider, limits }: Props) {
  const bytes = useDocumentSize(provider);
  const notice = bytes === null ? null : documentSizeNotice(bytes, limits);
  if (!notice) return null;
  return (
    <div
      className={`access-banner ${notice.level === 'urgent' ? 'access-banner--lost' : 'size-banner'}`}
      // Urgent: changes may soon be refused, so it interrupts; the early warning does not.
      role={notice.level === 'urgent' ? 'alert' : 'status'}
      data-testid="size-banner"
      data-level={notice.level}
    >
      <p>{notice.text}</p>
    </div>
  );
}
