import type { Session } from '../api/types';
import { keysText } from '../shell/shortcuts';
import { useI18n } from '../i18n/I18nProvider';
import { LiveStatusBadge } from '../sessions/LiveStatusBadge';
import { liveStatus } from '../state/consoleState';
import { DiagnosticsActions } from '../diagnostics/DiagnosticsActions';
import { ScreenActions } from '../screen/ScreenActions';
import { Icon } from '../ui/Icon';
import { AppInviteAction } from './AppInviteAction';
import { TeamActions } from '../team/TeamActions';
import { Capabilities } from './Capabilities';
import { DeviceInfo } from './DeviceInfo';
import { SessionTimer } from './SessionTimer';

interface Props {
  session: Session;
  onEnd: () => void;
  onClose: () => void;
}

/**
 * Who the customer is, on which phone, what the phone can do, the session's time, the screen and
 * diagnostics buttons, and End / Close. Each line keeps to one line however narrow the chat is
 * (facts are cut with an ellipsis, buttons wrap as whole buttons): the chat shares its row with the
 * Viewer and the diagnostics.
 */
export function ChatHeader({ session, onEnd, onClose }: Props) {
  const { t } = useI18n();
  const name = session.customerName || t('sessions.customer');
  const facts = [
    session.identifier && { label: t('chat.identifier'), value: session.identifier, testId: 'chat-identifier' },
    { label: t('chat.portal'), value: session.portal, testId: 'chat-portal' },
    session.technician && { label: t('chat.technician'), value: session.technician.displayName, testId: 'chat-technician' },
  ].filter((fact): fact is { label: string; value: string; testId: string } => !!fact);
  return (
    <header class="chat-header">
      <div class="chat-header__top">
        <span class="chat-header__avatar" aria-hidden="true">
          {name.trim().charAt(0).toLocaleUpperCase() || '?'}
        </span>
        <div class="chat-header__who">
          <h2 class="chat-header__name" data-testid="chat-customer" title={name}>
            {name}
          </h2>
          <div class="chat-header__status">
            <LiveStatusBadge status={liveStatus(session)} />
            <SessionTimer session={session} />
          </div>
        </div>
        <div class="chat-header__actions">
          {session.status === 'active' && (
            <button
              type="button"
              class="btn btn--small btn--danger-outline"
              data-testid="end-session"
              title={`${t('chat.endSession')} (${keysText('Alt+Shift+E', t)})`}
              onClick={onEnd}
            >
              <Icon name="power" size={16} />
              <span class="chat-header__end-label">{t('chat.endSession')}</span>
            </button>
          )}
          <button
            type="button"
            class="btn btn--icon"
            data-testid="close-chat"
            title={`${t('chat.closeWindow')} (${keysText('Alt+Shift+W', t)})`}
            aria-label={t('chat.closeWindow')}
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </div>
      </div>
      <p class="chat-header__facts" title={facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}>
        {facts.map((fact, i) => (
          <span key={fact.testId} class="fact" data-testid={fact.testId}>
            {i > 0 && <span class="fact__sep" aria-hidden="true"> · </span>}
            <span class="fact__label">{fact.label}</span> {fact.value}
          </span>
        ))}
      </p>
      <div class="chat-header__device">
        <DeviceInfo device={session.device} />
        <Capabilities session={session} />
      </div>
      <div class="chat-header__tools">
        <ScreenActions session={session} />
        <DiagnosticsActions session={session} />
        <AppInviteAction session={session} />
        <TeamActions session={session} />
      </div>
    </header>
  );
}
