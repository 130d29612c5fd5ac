import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { watchDocumentSize } from './watchDocumentSize.ts';

/**
 * Encoded size in bytes of the provider's document, refreshed now and then as
 * it changes (see watchDocumentSize); null until the first measurement.
 */
export function useDocumentSize(provider: WebsocketProvider): number | null {
  const [bytes, setBytes] = useState<number | null>(null);
  useEffect(() => {
    const watch = watchDocumentSize(provider.doc, setBytes);
    // Once the stored text has arrived: until then the document is (nearly) empty.
    const onSync = (synced: boolean) => {
      if (synced) watch.measureSoon();
    };
    if (provider.synced) watch.measureSoon();
    provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      watch.stop();
    };
  }, [provider]);
  return bytes;
}
