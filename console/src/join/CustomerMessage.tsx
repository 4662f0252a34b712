import { useI18n } from '../i18n/I18nProvider';
import { wordPhrase } from '../i18n/phrase';
import type { TimelineItem } from './agentSession';

/** One line of the customer's chat. Text only: whatever anyone typed stays text. */
export function CustomerMessage({ item }: { item: TimelineItem }) {
  const { t, time, dateTime } = useI18n();

  if (item.kind === 'outgoing') {
    const { message } = item;
    return (
      <li class="message message--customer message--own" data-testid="message" data-sender="customer" data-state={message.state}>
        <p class="message__bubble message__text">{message.text}</p>
        <span class={`message__state message__state--${message.state}`}>
          {message.state === 'pending' && t('join.sending')}
          {message.state === 'delivered' && t('join.delivered')}
          {message.state === 'failed' && t('join.notDelivered', { reason: message.error ?? '' })}
        </span>
      </li>
    );
  }

  const { entry } = item;
  const stamp = (
    <time class="message__time" dateTime={entry.at} title={dateTime(entry.at)}>
      {time(entry.at)}
    </time>
  );
  if (entry.sender === 'system') {
    return (
      <li class="message message--system" data-testid="message" data-sender="system" data-seq={entry.seq}>
        <p class="message__notice">
          <span class="message__text">{wordPhrase(t, entry, entry.text)}</span>
          {stamp}
        </p>
      </li>
    );
  }
  const own = entry.sender === 'customer';
  return (
    <li
      class={`message message--${entry.sender}${own ? ' message--own' : ''}`}
      data-testid="message"
      data-sender={entry.sender}
      data-seq={entry.seq}
    >
      <div class="message__meta">
        <span class="message__name">{own ? t('join.you') : entry.name || t('join.yourTechnician')}</span>
        {stamp}
      </div>
      <p class="message__bubble message__text">{entry.text}</p>
    </li>
  );
}
