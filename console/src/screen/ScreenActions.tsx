import { useState } from 'preact/hooks';
import { keysText } from '../shell/shortcuts';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { controlButton, screenButton } from './screenControls';

/**
 * The screen and control buttons of the Chat window, saying the same as the Viewer's (screenControls).
 * A phone that cannot share shows none: the capabilities above say why, once.
 */
export function ScreenActions({ session }: { session: Session }) {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status !== 'active' || session.capabilities?.screen !== true) return null;

  const screen = state.screens[session.id];
  const viewerOpen = state.openViewers.includes(session.id) || state.poppedViewers.includes(session.id);
  const input = { session, screen, viewerOpen, busy };
  const screenState = screenButton(input);
  const controlState = controlButton(input);
  const away = !session.customerConnected;

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  const onScreen = () => {
    switch (screenState.action) {
      case 'stop':
        return run(() => actions.stopViewing(session.id));
      case 'show':
        if (state.poppedViewers.includes(session.id)) return undefined;
        actions.openViewer(session.id);
        return undefined;
      default:
        return run(async () => {
          // Asking again while the screen is shared would hand control back: look first when unsure.
          const current = screen ?? (await api.screen(session.id));
          if (current.status !== 'sharing' && current.status !== 'pending') await actions.requestScreen(session.id, false);
          actions.openViewer(session.id);
        });
    }
  };

  const onControl = () =>
    run(async () => {
      await actions.requestScreen(session.id, controlState.action === 'request');
      if (!viewerOpen) actions.openViewer(session.id);
    });

  return (
    <div class="screen-actions" role="group" aria-label={t('screen.actions')}>
      <button
        type="button"
        class={`btn btn--small ${screenState.action === 'view' ? 'btn--primary' : 'btn--secondary'}`}
        data-testid="view-screen"
        data-action={screenState.action}
        aria-pressed={screenState.pressed}
        disabled={screenState.disabled}
        title={away ? t('screen.customerAway') : keysText('Alt+Shift+V', t)}
        onClick={onScreen}
      >
        <Icon name={screenState.action === 'stop' ? 'eyeOff' : 'eye'} size={16} />
        {t(screenState.label)}
      </button>
      {session.capabilities?.control === true && (
        <button
          type="button"
          class="btn btn--small btn--secondary"
          data-testid="request-control"
          data-action={controlState.action}
          aria-pressed={controlState.pressed}
          disabled={controlState.disabled}
          title={away ? t('screen.customerAway') : undefined}
          onClick={onControl}
        >
          <Icon name="hand" size={16} />
          {t(controlState.label)}
        </button>
      )}
      {error && (
        <span class="form-error" role="alert" data-testid="screen-error">
          {error}
        </span>
      )}
    </div>
  );
}
