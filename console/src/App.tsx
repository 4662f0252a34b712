import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import { ApiError, onUnauthorized, setCsrfToken } from './api/http';
import type { AuthInfo } from './api/types';
import { EnrolmentPage } from './auth/EnrolmentPage';
import { ReauthProvider } from './auth/ReauthDialog';
import { SignInForm } from './auth/SignInForm';
import { useI18n } from './i18n/I18nProvider';
import { ConsoleShell } from './shell/ConsoleShell';

type Auth = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; info: AuthInfo };

/**
 * Asks the server who is signed in, then shows the sign-in form, the two-factor enrolment (when
 * the administrator requires it and the user has none) or the console; any 401 signs out.
 */
export function App() {
  const { t } = useI18n();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const signedIn = (info: AuthInfo) => {
    setCsrfToken(info.csrfToken);
    setAuth({ state: 'signed-in', info });
  };

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setAuth({ state: 'signed-out' });
    });
    api
      .me()
      .then(signedIn)
      .catch((e) => {
        // A server that is down is not "signed out", but the form is the only useful thing to show.
        if (!(e instanceof ApiError) || e.status !== 401) setAuth({ state: 'signed-out' });
      });
    return () => onUnauthorized(null);
  }, []);

  if (auth.state === 'checking') {
    return (
      <div class="splash" aria-busy="true">
        {t('common.loading')}
      </div>
    );
  }
  if (auth.state === 'signed-out') return <SignInForm onSignedIn={signedIn} />;

  const signOut = () => {
    api
      .logout()
      .catch(() => {})
      .finally(() => {
        setCsrfToken(null);
        setAuth({ state: 'signed-out' });
      });
  };
  if (auth.info.enrolmentRequired) {
    const enrolled = () => api.me().then(signedIn).catch(() => setAuth({ state: 'signed-out' }));
    return <EnrolmentPage auth={auth.info} onEnrolled={enrolled} onSignOut={signOut} />;
  }
  return (
    <ReauthProvider>
      <ConsoleShell user={auth.info.user} onSignOut={signOut} />
    </ReauthProvider>
  );
}
