import type { SessionCode } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../ui/useNow';
import { CodeRow } from './CodeRow';

interface Props {
  codes: SessionCode[];
  fresh: string | null;
  onEmail: (code: SessionCode) => void;
}

/**
 * The technician's codes, newest first, with one clock for all countdowns. Codes still waiting for a
 * customer are listed; used, expired and cancelled ones fold away under one line, so they do not push
 * the Sessions and the Outbox down.
 */
export function CodeList({ codes, fresh, onEmail }: Props) {
  const { t } = useI18n();
  const now = useNow(1000, codes.some((c) => c.status === 'waiting'));

  if (codes.length === 0) {
    return <p class="empty">{t('codes.empty')}</p>;
  }
  const live = codes.filter((c) => c.status === 'waiting' && Date.parse(c.expiresAt) > now);
  const done = codes.filter((c) => !live.includes(c));
  return (
    <div class="code-list">
      <h3 class="section-label">{t('codes.listTitle')}</h3>
      {live.length === 0 ? (
        <p class="empty code-list__none">{t('codes.noneWaiting')}</p>
      ) : (
        <ul class="code-list__items" data-testid="code-list">
          {live.map((code) => (
            <CodeRow key={code.code} code={code} now={now} fresh={code.code === fresh} onEmail={onEmail} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details class="code-list__done" data-testid="used-codes">
          <summary>{t('codes.usedCount', { count: done.length })}</summary>
          <ul class="code-list__items">
            {done.map((code) => (
              <CodeRow key={code.code} code={code} now={now} fresh={false} onEmail={onEmail} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
