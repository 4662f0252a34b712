import { useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { Session } from '../api/types';
import { capabilityReason } from '../chat/capabilityReason';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { controlStatus } from './screenStatus';

/**
 * View screen / Request control in the Chat window. On a phone that cannot share or be controlled
 * the buttons stay, disabled, with the phone's reason next to them.
 */
export function ScreenActions({ session }: { session: Session }) {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status !== 'active') return null;

  const screenOk = session.capabilities?.screen === true;
  const controlOk = screenOk && session.capabilities?.control === true;
  const missing = !screenOk ? 'screen' : !controlOk ? 'control' : null;
  const reason = missing ? capabilityReason(session, missing, t) || t('screen.noReason') : null;
  const away = !session.customerConnected;
  const screen = state.screens[session.id];

  const open = async (control: boolean) => {
    setError(null);
    const alreadyAsked = control
      ? ['pending', 'granted'].includes(controlStatus(screen))
      : screen?.status === 'sharing' || screen?.status === 'pending';
    if (alreadyAsked) {
      actions.openViewer(session.id);
      return;
    }
    setBusy(true);
    try {
      await actions.requestScreen(session.id, control);
      actions.openViewer(session.id);
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen-actions" role="group" aria-label={t('screen.actions')}>
      <button
        type="button"
        class="btn btn--small btn--primary"
        data-testid="view-screen"
        disabled={!screenOk || away || busy}
        title={away ? t('screen.customerAway') : undefined}
        onClick={() => open(false)}
      >
        {t('screen.view')}
      </button>
      <button
        type="button"
        class="btn btn--small btn--secondary"
        data-testid="request-control"
        disabled={!controlOk || away || busy}
        title={away ? t('screen.customerAway') : undefined}
        onClick={() => open(true)}
      >
        {t('screen.requestControl')}
      </button>
      {reason && (
        <span class="screen-actions__reason" data-testid="screen-unavailable" data-capability={missing ?? ''}>
          {reason}
        </span>
      )}
      {error && (
        <span class="form-error" role="alert" data-testid="screen-error">
          {error}
        </span>
      )}
    </div>
  );
}
