import { readItem, sessionStorageOrNull, writeItem } from '../ui/browserStorage';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { CannedReply } from '../api/types';
import { ReplyPicker } from '../replies/ReplyPicker';
import { useReplyPicker } from '../replies/useReplyPicker';
import { useI18n } from '../i18n/I18nProvider';
import { countText } from '../i18n/numbers';

export const MAX_CHAT_LENGTH = 4000;

interface Props {
  /** The textarea's id (Alt+Shift+M focuses the one of the chat in front). */
  id?: string;
  /** Where an unsent draft is kept across a reload of the tab (sessionStorage). */
  draftKey?: string;
  disabled: boolean;
  disabledText: string;
  onSend: (text: string) => Promise<unknown>;
  /** Canned replies to offer on `/` (issue 18); the session's `portal` decides which shared ones fit. */
  replies?: readonly CannedReply[];
  portal?: string | null;
}

const NO_REPLIES: readonly CannedReply[] = [];

/**
 * Message box: Enter sends, Shift+Enter adds a line; a counter keeps the text within 4,000 characters.
 * `/` and a few letters open the canned replies: Enter puts one in the box, never sends it.
 */
export function Composer({ id, draftKey, disabled, disabledText, onSend, replies, portal = null }: Props) {
  const { t, lang } = useI18n();
  const number = (n: number) => countText(n, lang);
  const [text, setText] = useState(() => (draftKey ? (readItem(sessionStorageOrNull(), draftKey) ?? '') : ''));
  useEffect(() => {
    if (draftKey) writeItem(sessionStorageOrNull(), draftKey, text);
  }, [draftKey, text]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const picker = useReplyPicker(text, setText, field, replies ?? NO_REPLIES, portal);
  const offerReplies = !!replies && !disabled;
  const listId = `${id ?? 'composer'}-replies`;

  const length = text.length;
  const tooLong = length > MAX_CHAT_LENGTH;
  const canSend = !disabled && !busy && !tooLong && text.trim().length > 0;

  // The field empties at once and stays writable while the message is on its way: what the
  // technician types meanwhile is the next message (a read-only field dropped those keys). If the
  // send fails, the message comes back into the field, in front of anything typed since.
  const send = async () => {
    if (!canSend) return;
    const sent = text.trim();
    setBusy(true);
    setError(null);
    setText('');
    try {
      await onSend(sent);
    } catch (e) {
      setText((typed) => (typed.trim() ? `${sent} ${typed}` : sent));
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class={`composer${disabled ? ' composer--disabled' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {error && (
        <p class="form-error composer__error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <div class="composer__row">
        <label class="composer__field">
          <span class="visually-hidden">{t('chat.inputLabel')}</span>
          <textarea
            ref={field}
            id={id}
            data-testid="chat-input"
            rows={2}
            value={text}
            disabled={disabled}
            placeholder={disabled ? disabledText : t('chat.placeholder')}
            aria-invalid={tooLong}
            aria-controls={offerReplies && picker.open ? listId : undefined}
            aria-activedescendant={offerReplies && picker.matches.length > 0 ? `${listId}-${picker.matches[picker.index].id}` : undefined}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              picker.track();
            }}
            onClick={picker.track}
            onKeyUp={(e) => {
              // ↑ and ↓ move in the open list; every other key that moves the caret is followed
              if (!(picker.open && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))) picker.track();
            }}
            onKeyDown={(e) => {
              if (offerReplies && !e.isComposing && picker.onKeyDown(e)) {
                e.preventDefault();
                e.stopPropagation(); // Esc closes the list, not the window around it
                return;
              }
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                void send();
              }
            }}
          />
        </label>
        {offerReplies && <ReplyPicker picker={picker} listId={listId} />}
        {offerReplies && (
          <button
            type="button"
            class="btn btn--ghost composer__replies"
            data-testid="replies-button"
            title={t('replies.button')}
            aria-label={t('replies.button')}
            onClick={picker.start}
          >
            /
          </button>
        )}
        <button type="submit" class="btn btn--primary composer__send" data-testid="chat-send" disabled={!canSend}>
          {t('chat.send')}
        </button>
      </div>
      <div class="composer__footer">
        <span class={`composer__counter${tooLong ? ' composer__counter--over' : ''}`} data-testid="char-counter">
          {number(length)} / {number(MAX_CHAT_LENGTH)}
        </span>
        {tooLong && <span class="composer__limit">{t('chat.tooLong', { max: number(MAX_CHAT_LENGTH) })}</span>}
      </div>
    </form>
  );
}
