import { useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import type { SaveTracker } from './saveTracker.ts';

/**
 * Guards against leaving edits the server has not confirmed: the browser asks
 * before unloading, and in-app navigation asks too (saying whether the edits
 * stay on this device meanwhile). Mod-S is caught (there is nothing to save by
 * hand) and returns a short note to flash.
 */
export function useUnsavedGuard(tracker: SaveTracker | null, keptOnDevice: boolean): string | null {
  const [flash, setFlash] = useState<string | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!tracker) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (tracker.getSnapshot().state === 'saved') return;
      event.preventDefault();
      // Older browsers only ask when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [tracker]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        setFlash('Baton saves automatically');
        if (flashTimer.current) clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => setFlash(null), 2_000);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      if (flashTimer.current) clearTimeout(flashTimer.current);
    };
  }, []);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (!tracker || currentLocation.pathname === nextLocation.pathname) return false;
    return tracker.getSnapshot().state !== 'saved';
  });
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const leave = window.confirm(
      keptOnDevice
        ? 'Some of your latest changes have not reached the server yet. They are kept on this device and sent when you open this installment again online. Leave anyway?'
        : 'Some of your latest changes have not reached the server yet. Leave anyway and lose them?',
    );
    if (leave) blocker.proceed();
    else blocker.reset();
  }, [blocker, keptOnDevice]);

  return flash;
}
