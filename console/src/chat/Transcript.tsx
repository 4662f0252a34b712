import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { Notice } from '../state/consoleState';
import { MessageItem } from './MessageItem';
import { NoticeItem } from './NoticeItem';
import { chatTimeline } from './timeline';

interface Props {
  messages: ChatMessage[];
  notices: Notice[];
  loaded: boolean;
}

/** The conversation; it follows new messages unless the technician scrolled up to read. */
export function Transcript({ messages, notices, loaded }: Props) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const items = chatTimeline(messages, notices);

  const last = messages[messages.length - 1];
  useLayoutEffect(() => {
    const el = list.current;
    // Follow the conversation when already at the bottom, and always after the technician's own message.
    if (el && (pinned.current || last?.sender === 'technician')) {
      el.scrollTop = el.scrollHeight;
      pinned.current = true;
    }
  }, [items.length]);

  return (
    <ol
      class="transcript"
      ref={list}
      data-testid="transcript"
      aria-label={t('chat.transcript')}
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget as HTMLOListElement;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
    >
      {items.length === 0 && <li class="transcript__empty">{loaded ? t('chat.emptyTranscript') : t('chat.loadingTranscript')}</li>}
      {items.map((item) =>
        item.kind === 'message' ? (
          <MessageItem key={`m${item.message.seq}`} message={item.message} />
        ) : (
          <NoticeItem key={`n${item.notice.id}`} notice={item.notice} />
        ),
      )}
    </ol>
  );
}
