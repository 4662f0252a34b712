import type { ConnectionState } from '../api/consoleSocket';
import { useI18n } from '../i18n/I18nProvider';

/** Live / Connecting… / Reconnecting… for the console's own socket. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <span class={`connection connection--${state}`} data-testid="connection" data-state={state} title={t('connection.hint')} role="status">
      <span class="connection__dot" aria-hidden="true" />
      <span class="connection__label">{t(`connection.${state}`)}</span>
    </span>
  );
}
