import type { ChatMessage } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { wordPhrase } from '../i18n/phrase';

/**
 * One transcript entry. The text is always a text node (never markup), shown with its line breaks;
 * system entries (joined, left, reconnecting, ended) are centred notices, worded in the reader's
 * language from their phrase (the server's wording when this console does not know the phrase).
 */
export function MessageItem({ message }: { message: ChatMessage }) {
  const { t, time, dateTime } = useI18n();
  const stamp = (
    <time class="message__time" dateTime={message.at} title={dateTime(message.at)}>
      {time(message.at)}
    </time>
  );
  if (message.sender === 'system') {
    return (
      <li class="message message--system" data-testid="message" data-sender="system" data-seq={message.seq} data-key={message.key ?? ''}>
        <p class="message__notice">
          <span class="message__text">{wordPhrase(t, message, message.text)}</span>
          {stamp}
        </p>
      </li>
    );
  }
  const name = message.name || (message.sender === 'technician' ? t('chat.you') : t('sessions.customer'));
  return (
    <li class={`message message--${message.sender}`} data-testid="message" data-sender={message.sender} data-seq={message.seq}>
      <div class="message__meta">
        <span class="message__name">{name}</span>
        {stamp}
      </div>
      <p class="message__bubble message__text">{message.text}</p>
    </li>
  );
}
