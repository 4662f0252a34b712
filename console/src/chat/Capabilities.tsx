import type { CapabilityName, Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { capabilityReason } from './capabilityReason';

const ORDER: CapabilityName[] = ['chat', 'diagnostics', 'screen', 'control'];

/**
 * What the customer's device can do (✓, all in one line) or not (✗). Missing capabilities that share a reason are
 * shown together with it once ("✗ Diagnostics · Screen view · Remote control — a chat-only session"),
 * in the reader's language when the phone gave one of Tandem's own reasons.
 */
export function Capabilities({ session }: { session: Session }) {
  const { t } = useI18n();
  const available = ORDER.filter((name) => session.capabilities?.[name] === true);
  const missing = new Map<string, CapabilityName[]>();
  for (const name of ORDER) {
    if (session.capabilities?.[name] === true) continue;
    const reason = capabilityReason(session, name, t) || t('chat.capNoReason');
    missing.set(reason, [...(missing.get(reason) ?? []), name]);
  }
  return (
    <ul class="capabilities" data-testid="capabilities" aria-label={t('chat.capabilities')}>
      {available.length > 0 && (
        <li class="capability capability--on" data-capability={available.join(' ')} data-available="true">
          <span class="capability__mark" aria-hidden="true">
            ✓
          </span>
          <span class="capability__name">{available.map((name) => t(`cap.${name}`)).join(' · ')}</span>
          <span class="visually-hidden">: {t('chat.capAvailable')}</span>
        </li>
      )}
      {[...missing.entries()].map(([reason, names]) => (
        <li
          key={reason}
          class="capability capability--off"
          data-capability={names.join(' ')}
          data-available="false"
          data-code={names.length === 1 ? session.capabilityCodes?.[names[0]] : undefined}
          title={reason}
        >
          <span class="capability__mark" aria-hidden="true">
            ✗
          </span>
          <span class="capability__name">{names.map((name) => t(`cap.${name}`)).join(' · ')}</span>
          <span class="visually-hidden">: {t('chat.capUnavailable')}</span>
          <span class="capability__reason">{reason}</span>
        </li>
      ))}
    </ul>
  );
}
