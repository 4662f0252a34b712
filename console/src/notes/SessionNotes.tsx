import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { ConsoleEvent, SessionNote } from '../api/types';
import { MAX_CHAT_LENGTH } from '../chat/Composer';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { mergeNotes } from './mergeNotes';
import { notesApi } from './notesApi';

interface Props {
  session: string;
  /** Notes already read with the page (the history); otherwise they are read here. */
  initial?: readonly SessionNote[];
  /** In a Chat window the notes fold away under their summary; on the history page they are a section. */
  folded?: boolean;
}

/**
 * A session's private notes (issue 18): for the technicians who can see the session, live or
 * ended, never shown to the customer. New notes arrive from every technician through the console
 * socket's `note` event; a reconnection reads them again.
 */
export function SessionNotes({ session, initial, folded = false }: Props) {
  const { t, dateTime } = useI18n();
  const { actions } = useConsole();
  const [notes, setNotes] = useState<SessionNote[]>(() => mergeNotes([], initial ?? []));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const read = () => {
      notesApi.list(session).then((found) => setNotes((known) => mergeNotes(known, found)), () => {});
    };
    if (!initial) read();
    return actions.listen((event) => {
      const e = event as ConsoleEvent | { type: 'open' };
      if (e.type === 'note' && e.session === session) setNotes((known) => mergeNotes(known, [e.note]));
      else if (e.type === 'open') read();
    });
  }, [session, actions]);

  const tooLong = text.length > MAX_CHAT_LENGTH;
  const add = async (event: Event) => {
    event.preventDefault();
    if (busy || tooLong || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const note = await notesApi.add(session, text.trim());
      setNotes((known) => mergeNotes(known, [note]));
      setText('');
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <>
      <p class="session-notes__private">{t('notes.private')}</p>
      {notes.length > 0 ? (
        <ul class="session-notes__list" data-testid="notes-list">
          {notes.map((note) => (
            <li key={note.id} class="session-notes__note" data-testid="note" data-author={note.author}>
              <span class="session-notes__meta">
                {note.authorName} · {dateTime(note.at)}
              </span>
              <p class="session-notes__text">{note.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint" data-testid="notes-empty">
          {t('notes.empty')}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="note-error">
          {error}
        </p>
      )}
      <form class="session-notes__form" onSubmit={add}>
        <label class="visually-hidden" for={`note-${session}`}>
          {t('notes.inputLabel')}
        </label>
        <textarea
          id={`note-${session}`}
          data-testid="note-input"
          rows={2}
          value={text}
          placeholder={t('notes.placeholder')}
          aria-invalid={tooLong}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void add(e);
          }}
        />
        <button type="submit" class="btn btn--secondary" data-testid="note-add" disabled={busy || tooLong || !text.trim()}>
          {t('notes.add')}
        </button>
      </form>
      {tooLong && <p class="composer__limit">{t('chat.tooLong', { max: String(MAX_CHAT_LENGTH) })}</p>}
    </>
  );

  if (folded) {
    return (
      <details class="session-notes" data-testid="session-notes" data-session={session}>
        <summary data-testid="notes-toggle">{t('notes.title', { count: String(notes.length) })}</summary>
        {body}
      </details>
    );
  }
  return (
    <section class="session-notes session-notes--page" data-testid="session-notes" data-session={session}>
      <h3>{t('notes.title', { count: String(notes.length) })}</h3>
      {body}
    </section>
  );
}
