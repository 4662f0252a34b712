import { useEffect, useState } from 'preact/hooks';
import type { CannedReply } from '../api/types';
import { useErrorText } from '../admin/parts';
import { MAX_CHAT_LENGTH } from '../chat/Composer';
import { useI18n } from '../i18n/I18nProvider';
import type { ReplyDraft } from './repliesApi';

/** What the editor does with a list of replies: the technician's own, or a portal's. */
export interface ReplyBook {
  list: () => Promise<CannedReply[]>;
  add: (draft: ReplyDraft) => Promise<CannedReply>;
  change: (id: number, draft: ReplyDraft) => Promise<CannedReply>;
  remove: (id: number) => Promise<void>;
}

const EMPTY: ReplyDraft = { shortcut: '', text: '' };

/**
 * Lists canned replies with their shortcut and text; adds, changes and deletes them. The same form
 * for personal replies (My account) and a portal's shared ones (Management Center, Portals).
 */
export function RepliesEditor({ book, testId }: { book: ReplyBook; testId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [replies, setReplies] = useState<CannedReply[] | null>(null);
  const [draft, setDraft] = useState<ReplyDraft>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () => book.list().then(setReplies, (e) => setError(errorText(e)));
  useEffect(() => {
    void reload();
  }, [book]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await reload();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const body = { shortcut: draft.shortcut.trim(), text: draft.text.trim() };
    const done = await run(() => (editing === null ? book.add(body) : book.change(editing, body)));
    if (done) {
      setDraft(EMPTY);
      setEditing(null);
    }
  };

  return (
    <div class="replies-editor mc-form" data-testid={testId}>
      {replies && replies.length > 0 ? (
        <ul class="replies-editor__list" data-testid="reply-list">
          {replies.map((reply) => (
            <li key={reply.id} class="replies-editor__item" data-testid="reply-row" data-shortcut={reply.shortcut}>
              <span class="replies-editor__shortcut">/{reply.shortcut}</span>
              <span class="replies-editor__text">{reply.text}</span>
              <span class="replies-editor__actions">
                <button
                  type="button"
                  class="btn btn--small btn--secondary"
                  data-testid="reply-edit"
                  onClick={() => {
                    setEditing(reply.id);
                    setDraft({ shortcut: reply.shortcut, text: reply.text });
                  }}
                >
                  {t('admin.edit')}
                </button>
                <button type="button" class="btn btn--small btn--ghost" data-testid="reply-delete" disabled={busy}
                  onClick={() => void run(() => book.remove(reply.id))}>
                  {t('replies.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        replies && <p class="hint" data-testid="replies-empty">{t('replies.empty')}</p>
      )}
      <form class="replies-editor__form" onSubmit={save}>
        <label class="field">
          <span class="field__label">{t('replies.shortcut')}</span>
          <input name="reply-shortcut" type="text" required maxLength={33} spellcheck={false} autoComplete="off"
            placeholder={t('replies.shortcutPlaceholder')} value={draft.shortcut}
            onInput={(e) => setDraft((d) => ({ ...d, shortcut: (e.currentTarget as HTMLInputElement).value }))} />
          <span class="hint">{t('replies.shortcutHint')}</span>
        </label>
        <label class="field">
          <span class="field__label">{t('replies.text')}</span>
          <textarea name="reply-text" rows={3} required maxLength={MAX_CHAT_LENGTH} value={draft.text}
            onInput={(e) => setDraft((d) => ({ ...d, text: (e.currentTarget as HTMLTextAreaElement).value }))} />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="form-error">
            {error}
          </p>
        )}
        <div class="dialog__actions">
          {editing !== null && (
            <button type="button" class="btn btn--secondary" onClick={() => { setEditing(null); setDraft(EMPTY); }}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" class="btn btn--primary" data-testid="reply-save" disabled={busy}>
            {editing === null ? t('replies.add') : t('admin.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
