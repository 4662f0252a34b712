import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LiveStatusBadge } from '../sessions/LiveStatusBadge';
import { liveStatus } from '../state/consoleState';
import { DiagnosticsActions } from '../diagnostics/DiagnosticsActions';
import { ScreenActions } from '../screen/ScreenActions';
import { Icon } from '../ui/Icon';
import { Capabilities } from './Capabilities';
import { DeviceInfo } from './DeviceInfo';

interface Props {
  session: Session;
  onEnd: () => void;
  onClose: () => void;
}

/** Who the customer is, on which phone, what the phone can do, and the End / Close buttons. */
export function ChatHeader({ session, onEnd, onClose }: Props) {
  const { t } = useI18n();
  const name = session.customerName || t('sessions.customer');
  return (
    <header class="chat-header">
      <div class="chat-header__top">
        <span class="chat-header__avatar" aria-hidden="true">
          {name.trim().charAt(0).toLocaleUpperCase() || '?'}
        </span>
        <div class="chat-header__who">
          <h2 class="chat-header__name" data-testid="chat-customer">
            {name}
          </h2>
          <div class="chat-header__facts">
            <LiveStatusBadge status={liveStatus(session)} />
            {session.identifier && (
              <span class="fact" data-testid="chat-identifier">
                <span class="fact__label">{t('chat.identifier')}</span> {session.identifier}
              </span>
            )}
            <span class="fact">
              <span class="fact__label">{t('chat.portal')}</span> {session.portal}
            </span>
            {session.technician && (
              <span class="fact">
                <span class="fact__label">{t('chat.technician')}</span> {session.technician.displayName}
              </span>
            )}
          </div>
        </div>
        <div class="chat-header__actions">
          {session.status === 'active' && (
            <button type="button" class="btn btn--small btn--danger-outline" data-testid="end-session" onClick={onEnd}>
              <Icon name="power" size={16} />
              {t('chat.endSession')}
            </button>
          )}
          <button
            type="button"
            class="btn btn--icon"
            data-testid="close-chat"
            title={t('chat.closeWindow')}
            aria-label={t('chat.closeWindow')}
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </div>
      </div>
      <div class="chat-header__device">
        <DeviceInfo device={session.device} />
        <Capabilities session={session} />
      </div>
      <ScreenActions session={session} />
      <DiagnosticsActions session={session} />
    </header>
  );
}
