import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { CodeStatus, SessionCode } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { copyText } from './clipboard';
import { formatCountdown, groupCode, msUntil } from './codeFormat';

interface Props {
  code: SessionCode;
  now: number;
  fresh: boolean;
  onEmail: (code: SessionCode) => void;
}

const TONE: Record<CodeStatus, string> = {
  waiting: 'info',
  joined: 'success',
  expired: 'neutral',
  cancelled: 'neutral',
};

/** One session code: the digits, who it is for, its state and what can be done with it. */
export function CodeRow({ code, now, fresh, onEmail }: Props) {
  const { t } = useI18n();
  const { actions } = useConsole();
  const toast = useToast();
  const [cancelling, setCancelling] = useState(false);

  const left = msUntil(code.expiresAt, now);
  // The server sends an `expired` event too; until it arrives the countdown must not go negative.
  const status: CodeStatus = code.status === 'waiting' && left <= 0 ? 'expired' : code.status;
  const waiting = status === 'waiting';
  const urgent = waiting && left < 60_000;

  const copy = async () => {
    if (await copyText(code.url)) toast(t('codes.copied'));
    else toast(t('codes.copyFailed', { url: code.url }), 'error');
  };

  const cancel = async () => {
    setCancelling(true);
    try {
      await api.cancelCode(code.code);
      actions.dispatch({ type: 'codeUpserted', code: { ...code, status: 'cancelled' } });
      toast(t('codes.cancelled', { code: groupCode(code.code) }), 'info');
    } catch (e) {
      toast(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }), 'error');
    } finally {
      setCancelling(false);
    }
  };

  return (
    <li
      class={`code-row code-row--${status}${fresh ? ' code-row--fresh' : ''}`}
      data-testid="code-row"
      data-code={code.code}
      data-status={status}
    >
      <div class="code-row__top">
        <span class="code-row__code" aria-label={code.code.split('').join(' ')}>
          {groupCode(code.code)}
        </span>
        <span class={`badge badge--${TONE[status]}`} data-testid="code-status">
          {t(`codes.status.${status}`)}
        </span>
        {waiting && (
          <span class={`countdown${urgent ? ' countdown--urgent' : ''}`} title={t('codes.expiresIn')}>
            <span class="visually-hidden">{t('codes.expiresIn')} </span>
            <span data-testid="countdown">{formatCountdown(left)}</span>
          </span>
        )}
        {waiting && (
          <button
            type="button"
            class="btn btn--icon btn--ghost-danger code-row__cancel"
            data-testid="cancel-code"
            title={t('codes.cancel')}
            disabled={cancelling}
            onClick={cancel}
          >
            <Icon name="cancel" size={18} />
            <span class="visually-hidden">{t('codes.cancel')}</span>
          </button>
        )}
      </div>
      <div class="code-row__meta">
        <span class={`code-row__identifier${code.identifier ? '' : ' muted'}`} data-testid="code-identifier">
          {code.identifier || t('codes.noIdentifier')}
        </span>
        <span class="code-row__portal">
          <span class="visually-hidden">{t('codes.portal')}: </span>
          {code.portal}
        </span>
      </div>
      <div class="code-row__actions">
        {waiting && (
          <>
            <button type="button" class="btn btn--small btn--secondary" data-testid="copy-url" onClick={copy}>
              <Icon name="copy" size={16} />
              {t('codes.copyUrl')}
            </button>
            <button type="button" class="btn btn--small btn--secondary" data-testid="email-code" onClick={() => onEmail(code)}>
              <Icon name="mail" size={16} />
              {t('codes.emailCode')}
            </button>
          </>
        )}
        {status === 'joined' && code.session && (
          <button type="button" class="btn btn--small btn--secondary" onClick={() => actions.openChat(code.session!)}>
            <Icon name="chat" size={16} />
            {t('codes.openChat')}
          </button>
        )}
      </div>
    </li>
  );
}
