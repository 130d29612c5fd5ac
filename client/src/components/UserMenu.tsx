import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { signOut } from '../auth/authClient.ts';
import { useCurrentUser } from '../auth/RequireAuth.tsx';
import { forgetAccountOnDevice } from '../offline/forgetAccount.ts';

/** Your name in the header; opens a small menu with your settings and Sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function onSignOut() {
    setBusy(true);
    setFailed(false);
    const result = await signOut();
    if (result.error) {
      setBusy(false);
      setFailed(true);
      return;
    }
    // Drafts and cached answers on this device belong to the account signing out.
    await forgetAccountOnDevice(user.id).catch(() => undefined);
    setBusy(false);
    navigate('/sign-in', { replace: true });
  }

  const label = user.name || user.email;
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        aria-label={`${label}: account menu`}
        title={user.email}
      >
        <span className="user-menu__initial" aria-hidden="true">
          {[...label][0]?.toUpperCase()}
        </span>
        <span className="user-menu__name">{label}</span>
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div id={panelId} className="user-menu__panel">
          <p className="user-menu__who">
            <strong>{user.name || 'Signed in'}</strong>
            <span>{user.email}</span>
          </p>
          <Link to="/settings/api-keys" className="user-menu__item" onClick={() => setOpen(false)}>
            API keys
          </Link>
          <button type="button" className="user-menu__item" onClick={onSignOut} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
      {failed && (
        <span className="app-header__error" role="alert">
          Could not sign out. Try again.
        </span>
      )}
    </div>
  );
}
