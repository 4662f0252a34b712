import { useEffect, useState } from 'preact/hooks';
import { onCommand } from '../shell/commands';
import { useI18n } from '../i18n/I18nProvider';
import { SessionFiles } from '../files/SessionFiles';
import { SessionNotes } from '../notes/SessionNotes';
import { useCannedReplies } from '../replies/useCannedReplies';
import { useConsole } from '../state/ConsoleProvider';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { ConfirmEndDialog } from './ConfirmEndDialog';
import { EndedBanner } from './EndedBanner';
import { Transcript } from './Transcript';

interface Props {
  id: string;
  active: boolean;
  onRequestClose: (id: string) => void;
}

const NO_NOTICES: never[] = [];

/** The Chat window of one session. Hidden (not unmounted) while another tab is in front, so drafts survive. */
export function ChatWindow({ id, active, onRequestClose }: Props) {
  const { t } = useI18n();
  const { state, actions, me } = useConsole();
  const [confirming, setConfirming] = useState(false);
  const replies = useCannedReplies();
  const session = state.sessions[id];
  const running = session?.status === 'active';

  useEffect(
    () =>
      onCommand((command, target) => {
        if (target !== id) return;
        if (command === 'endSession' && running) setConfirming(true);
        else if (command === 'focusMessage') document.getElementById(`chat-input-${id}`)?.focus();
      }),
    [id, running],
  );

  if (!session) {
    return (
      <section class="chat-window chat-window--loading" data-testid="chat-window" data-session={id} hidden={!active}>
        <p class="empty">{t('common.loading')}</p>
      </section>
    );
  }

  const ended = session.status === 'ended';
  const customer = session.customerName || t('sessions.customer');

  return (
    <section
      class="chat-window"
      data-testid="chat-window"
      data-session={id}
      data-status={session.status}
      hidden={!active}
      aria-label={`${t('chat.title')}: ${customer}`}
    >
      <ChatHeader session={session} onEnd={() => setConfirming(true)} onClose={() => onRequestClose(id)} />
      {ended && <EndedBanner session={session} me={me ? me.displayName || me.username : null} />}
      {!ended && !session.customerConnected && (
        <div class="banner banner--warning" role="status" data-testid="customer-reconnecting">
          {t('chat.reconnectingBanner')}
        </div>
      )}
      <Transcript
        messages={state.transcripts[id] ?? []}
        notices={state.notices[id] ?? NO_NOTICES}
        loaded={!!state.transcriptLoaded[id]}
      />
      <Composer
        id={`chat-input-${id}`}
        draftKey={`tandem.draft.${id}`}
        disabled={ended}
        disabledText={t('chat.composerEnded')}
        onSend={(text) => actions.sendMessage(id, text)}
        replies={replies}
        portal={session.portal}
      />
      <SessionNotes session={id} folded />
      <SessionFiles session={id} live={!ended} />
      {confirming && (
        <ConfirmEndDialog customer={customer} onConfirm={() => actions.endSession(id)} onClose={() => setConfirming(false)} />
      )}
    </section>
  );
}
