import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

/**
 * "Invite to the app" in the Chat window of a chat-only session (issue 18.1): the customer gets a
 * link in their chat that continues this session in the Android app, where the screen and the
 * diagnostics become possible. Shown only while the customer's device cannot share its screen and
 * is connected (the link goes to their open chat); the transcript then says it was sent.
 */
export function AppInviteAction({ session }: { session: Session }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status !== 'active' || session.capabilities?.screen === true) return null;

  const invite = async () => {
    setError(null);
    setSent(false);
    setBusy(true);
    try {
      await api.inviteToApp(session.id);
      setSent(true);
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen-actions app-invite-action" role="group">
      <button
        type="button"
        class="btn btn--small btn--secondary"
        data-testid="invite-to-app"
        disabled={busy || !session.customerConnected}
        title={session.customerConnected ? t('chat.inviteToAppHint') : t('screen.customerAway')}
        onClick={invite}
      >
        {t('chat.inviteToApp')}
      </button>
      {sent && (
        <span class="form-hint" role="status" data-testid="invite-sent">
          {t('chat.inviteSent')}
        </span>
      )}
      {error && (
        <span class="form-error" role="alert" data-testid="invite-error">
          {error}
        </span>
      )}
    </div>
  );
}
