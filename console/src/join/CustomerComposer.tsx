import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { countText } from '../i18n/numbers';
import { MAX_MESSAGE_LENGTH } from './agentSession';

/** The customer's message box: Enter sends, Shift+Enter adds a line, at most 4,000 characters. */
export function CustomerComposer({ disabled, onSend }: { disabled: boolean; onSend: (text: string) => boolean }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const canSend = !disabled && !tooLong && text.trim().length > 0;

  const send = () => {
    if (canSend && onSend(text)) setText('');
  };

  return (
    <form
      class={`composer${disabled ? ' composer--disabled' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div class="composer__row">
        <label class="composer__field">
          <span class="visually-hidden">{t('join.inputLabel')}</span>
          <textarea
            data-testid="customer-input"
            rows={2}
            value={text}
            disabled={disabled}
            placeholder={t('join.placeholder')}
            aria-invalid={tooLong}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                send();
              }
            }}
          />
        </label>
        <button type="submit" class="btn btn--primary composer__send" data-testid="customer-send" disabled={!canSend}>
          {t('join.send')}
        </button>
      </div>
      <div class="composer__footer">
        <span class={`composer__counter${tooLong ? ' composer__counter--over' : ''}`}>
          {countText(text.length, lang)} / {countText(MAX_MESSAGE_LENGTH, lang)}
        </span>
      </div>
    </form>
  );
}
