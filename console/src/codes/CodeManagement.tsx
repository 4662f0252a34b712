import { useState } from 'preact/hooks';
import type { SessionCode } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { CodeList } from './CodeList';
import { CreateCodeForm } from './CreateCodeForm';
import { EmailCodeDialog } from './EmailCodeDialog';

/** The Code Management window: make a code, hand it over, watch it until the customer joins. */
export function CodeManagement() {
  const { t } = useI18n();
  const { state } = useConsole();
  const [emailFor, setEmailFor] = useState<SessionCode | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const waiting = state.codes.filter((c) => c.status === 'waiting' && Date.parse(c.expiresAt) > Date.now()).length;

  return (
    <section class="card" id="codes" data-testid="code-management" aria-labelledby="codes-title">
      <header class="card__header">
        <h2 id="codes-title" class="card__title">
          {t('codes.title')}
        </h2>
        {waiting > 0 && <span class="pill">{t('codes.waitingCount', { count: waiting })}</span>}
      </header>
      <div class="card__body">
        <CreateCodeForm onCreated={setFresh} />
      </div>
      <CodeList codes={state.codes} fresh={fresh} onEmail={setEmailFor} />
      {emailFor && <EmailCodeDialog code={emailFor} onClose={() => setEmailFor(null)} />}
    </section>
  );
}
