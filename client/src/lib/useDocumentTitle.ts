import { useEffect } from 'react';

/** Sets the tab title to "<title> · Baton" while the page is shown. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Baton` : 'Baton';
  }, [title]);
}
