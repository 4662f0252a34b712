import type { CapabilityName, Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { capabilityReason } from './capabilityReason';

const ORDER: CapabilityName[] = ['chat', 'diagnostics', 'screen', 'control'];

/** What the customer's device can do (✓) or not (✗, with the device's reason). */
export function Capabilities({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <ul class="capabilities" data-testid="capabilities" aria-label={t('chat.capabilities')}>
      {ORDER.map((name) => {
        const available = session.capabilities?.[name] === true;
        const reason = capabilityReason(session, name, t);
        return (
          <li
            key={name}
            class={`capability capability--${available ? 'on' : 'off'}`}
            data-capability={name}
            data-available={String(available)}
            data-code={session.capabilityCodes?.[name]}
          >
            <span class="capability__mark" aria-hidden="true">
              {available ? '✓' : '✗'}
            </span>
            <span class="capability__name">{t(`cap.${name}`)}</span>
            <span class="visually-hidden">: {t(available ? 'chat.capAvailable' : 'chat.capUnavailable')}</span>
            {!available && <span class="capability__reason">{reason || t('chat.capNoReason')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
