import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { SessionRow } from './SessionRow';

type Filter = 'active' | 'ended';

/** Active sessions (live) and, on the second tab, the ended ones. */
export function SessionList() {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const [filter, setFilter] = useState<Filter>('active');

  const all = Object.values(state.sessions);
  const counts = {
    active: all.filter((s) => s.status === 'active').length,
    ended: all.filter((s) => s.status === 'ended').length,
  };
  const shown = all
    .filter((s) => s.status === filter)
    .sort((a, b) =>
      filter === 'active'
        ? Date.parse(b.startedAt) - Date.parse(a.startedAt)
        : Date.parse(b.endedAt ?? b.startedAt) - Date.parse(a.endedAt ?? a.startedAt),
    );

  const tab = (value: Filter) => (
    <button
      type="button"
      role="tab"
      class={`tabs__tab${filter === value ? ' tabs__tab--active' : ''}`}
      aria-selected={filter === value}
      data-testid={`sessions-${value}`}
      onClick={() => {
        setFilter(value);
        actions.refreshSessions(value).catch(() => {});
      }}
    >
      {t(`sessions.${value}`)}
      <span class="tabs__count">{counts[value]}</span>
    </button>
  );

  return (
    <section class="card" id="sessions" data-testid="sessions" aria-labelledby="sessions-title">
      <header class="card__header">
        <h2 id="sessions-title" class="card__title">
          {t('sessions.title')}
        </h2>
        <div class="tabs" role="tablist">
          {tab('active')}
          {tab('ended')}
        </div>
      </header>
      {shown.length === 0 ? (
        <p class="empty">{t(filter === 'active' ? 'sessions.emptyActive' : 'sessions.emptyEnded')}</p>
      ) : (
        <ul class="session-list" data-testid="session-list">
          {shown.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              unread={state.unread[session.id] ?? 0}
              selected={state.activeChat === session.id}
              onOpen={actions.openChat}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
