import type { SessionCode } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../ui/useNow';
import { CodeRow } from './CodeRow';

interface Props {
  codes: SessionCode[];
  fresh: string | null;
  onEmail: (code: SessionCode) => void;
}

/** The technician's codes, newest first, with one clock for all countdowns. */
export function CodeList({ codes, fresh, onEmail }: Props) {
  const { t } = useI18n();
  const now = useNow(1000, codes.some((c) => c.status === 'waiting'));

  if (codes.length === 0) {
    return <p class="empty">{t('codes.empty')}</p>;
  }
  return (
    <div class="code-list">
      <h3 class="section-label">{t('codes.listTitle')}</h3>
      <ul class="code-list__items" data-testid="code-list">
        {codes.map((code) => (
          <CodeRow key={code.code} code={code} now={now} fresh={code.code === fresh} onEmail={onEmail} />
        ))}
      </ul>
    </div>
  );
}
