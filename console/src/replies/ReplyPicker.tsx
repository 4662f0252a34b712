import { useI18n } from '../i18n/I18nProvider';
import type { ReplyPicker as Picker } from './useReplyPicker';

/** The list of canned replies over the message box; a click or Enter puts the text in the box. */
export function ReplyPicker({ picker, listId }: { picker: Picker; listId: string }) {
  const { t } = useI18n();
  if (!picker.open) return null;
  return (
    <div class="reply-picker" data-testid="reply-picker">
      {picker.matches.length === 0 ? (
        <p class="reply-picker__empty" data-testid="reply-picker-empty">
          {picker.query ? t('replies.noMatch', { query: picker.query }) : t('replies.none')}
        </p>
      ) : (
        <ul class="reply-picker__list" role="listbox" id={listId} aria-label={t('replies.pickerLabel')}>
          {picker.matches.map((reply, i) => (
            <li
              key={reply.id}
              id={`${listId}-${reply.id}`}
              role="option"
              aria-selected={i === picker.index}
              class={`reply-picker__option${i === picker.index ? ' reply-picker__option--active' : ''}`}
              data-testid="reply-option"
              data-shortcut={reply.shortcut}
              onMouseEnter={() => picker.setIndex(i)}
              // mousedown, not click: the message box keeps its focus and caret
              onMouseDown={(e) => {
                e.preventDefault();
                picker.choose(reply);
              }}
            >
              <span class="reply-picker__shortcut">/{reply.shortcut}</span>
              <span class="reply-picker__scope">{reply.scope === 'portal' ? reply.portal : t('replies.personal')}</span>
              <span class="reply-picker__text">{reply.text}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="reply-picker__hint">{t('replies.pickerHint')}</p>
    </div>
  );
}
