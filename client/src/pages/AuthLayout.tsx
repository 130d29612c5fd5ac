import type { ReactNode } from 'react';

/** The centred card the sign-in and sign-up forms sit in. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="auth__card">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          Baton
        </p>
        <h1 className="auth__title">{title}</h1>
        <p className="auth__intro">{intro}</p>
        {children}
      </div>
    </main>
  );
}
