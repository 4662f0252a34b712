import { sessionStorageOrNull } from '../ui/browserStorage';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browserSocketFactory, sameOriginSocketUrl } from '../api/socketLike';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { groupCode } from '../codes/codeFormat';
import { AgentSession } from './agentSession';
import { CustomerChat } from './CustomerChat';
import { JoinChoices } from './JoinChoices';
import type { JoinData } from './joinData';
import { sessionResumeStore } from './resumeStore';
import { WEB_CAPABILITIES, webDevice } from './webDevice';

/** The customer's join page: choose how to connect, then chat (resuming after a reload). */
export function JoinPage({ data }: { data: JoinData }) {
  const { t, lang } = useI18n();
  const language = useRef(lang);
  language.current = lang;
  const store = useMemo(() => sessionResumeStore(sessionStorageOrNull(), data.code), [data.code]);
  const [session, setSession] = useState<AgentSession | null>(null);

  const begin = (customerName: string) => {
    const next = new AgentSession({
      url: sameOriginSocketUrl('/ws/agent', window.location),
      code: data.code,
      customerName,
      device: webDevice(navigator.userAgent),
      capabilities: WEB_CAPABILITIES,
      factory: browserSocketFactory,
      language: () => language.current,
      store,
    });
    setSession(next);
    next.start();
  };

  // A reload of this tab during a session resumes it instead of spending the code again.
  useEffect(() => {
    const saved = store.load();
    if (saved) begin(saved.customerName);
  }, [store]);

  useEffect(() => () => session?.stop(), [session]);

  return (
    <div class="join">
      <header class="join__bar">
        <Brand />
        <LanguageSwitch />
      </header>
      <main class="join__main">
        {session ? (
          <CustomerChat session={session} technician={data.technician} onBack={() => setSession(null)} />
        ) : (
          <div class="join__card">
            <h1 class="join__title">{t('join.title')}</h1>
            <div class="join__code">
              <span class="join__code-label">{t('join.codeLabel')}</span>
              <span class="join__code-value" data-testid="join-code">
                {groupCode(data.code)}
              </span>
            </div>
            {/* The portal's name is the support team's own label: the customer is not shown it. */}
            {data.technician && (
              <p class="join__who">
                <span>{t('join.technician', { technician: data.technician })}</span>
              </p>
            )}
            <JoinChoices data={data} onJoin={begin} />
          </div>
        )}
      </main>
    </div>
  );
}
