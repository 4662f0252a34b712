import { useMemo } from 'preact/hooks';
import { MessageItem } from '../chat/MessageItem';
import { groupCode } from '../codes/codeFormat';
import { InstalledAppsList } from '../diagnostics/InstalledAppsList';
import { ReportSections, WarningList } from '../diagnostics/ReportSections';
import { sectionViews, warningViews } from '../diagnostics/reportView';
import { units } from '../diagnostics/units';
import { useI18n } from '../i18n/I18nProvider';
import { deviceName } from '../sessions/deviceText';
import { Icon } from '../ui/Icon';
import { adminApi } from './adminApi';
import { actorText, durationOf, formatDuration, technicianName } from './format';
import { LoadState } from './parts';
import { adminHref } from './route';
import type { DiagnosticsReport } from '../api/types';
import type { HistoryLogFile, PermissionEvent, SessionHistory } from './types';
import { useLoad } from './useLoad';
import { SessionFiles } from '../files/SessionFiles';
import { SessionNotes } from '../notes/SessionNotes';
import { RecordingPlayer } from '../recordings/RecordingPlayer';

/** One session looked back at: who, when, how long, the transcript, permissions, reports and log files. */
export function SessionHistoryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [history, reload] = useLoad(() => adminApi.sessionHistory(id), id);

  return (
    <section class="mc-page" data-testid="mc-session" data-session={id}>
      <a class="mc-back" href={adminHref('history')} data-testid="back-to-history">
        ← {t('admin.session.back')}
      </a>
      {history.data ? (
        <SessionDetails history={history.data} />
      ) : (
        <div class="card">
          <LoadState loading={history.status === 'loading'} error={history.status === 'error' ? history.error : undefined} onRetry={reload} />
        </div>
      )}
    </section>
  );
}

function SessionDetails({ history }: { history: SessionHistory }) {
  const { t, dateTime } = useI18n();
  const s = history.session;
  const customer = s.customerName || t('sessions.customer');
  const endedBy = s.endedBy === 'technician' || s.endedBy === 'customer' || s.endedBy === 'server' ? t(`chat.endedBy.${s.endedBy}`) : null;
  const retention = history.retention ?? { transcriptRemoved: false, logFilesRemoved: false };

  const facts: [string, string][] = [
    [t('admin.history.technician'), technicianName(s.technician) || '–'],
    [t('admin.history.portal'), s.portal],
    [t('admin.session.code'), groupCode(s.code) || '–'],
    [t('chat.identifier'), s.identifier || '–'],
    [t('admin.history.device'), deviceName(s.device, t) || '–'],
    [t('admin.history.started'), dateTime(s.startedAt)],
    [t('admin.session.ended'), s.endedAt ? dateTime(s.endedAt) : '–'],
    [t('admin.history.duration'), formatDuration(durationOf(s))],
    [t('admin.session.origin'), s.origin === 'request' ? t('admin.session.originRequest') : t('admin.session.originCode')],
  ];

  return (
    <>
      <div class="mc-page__header">
        <div>
          <h1 class="mc-page__title">{customer}</h1>
          <p class="mc-page__intro">
            <span class={`badge ${s.status === 'active' ? 'badge--success' : 'badge--neutral'}`} data-testid="session-status">
              {s.status === 'active' ? t('sessions.active') : t('sessions.ended')}
            </span>{' '}
            {endedBy}
          </p>
        </div>
      </div>

      <dl class="card mc-facts" data-testid="session-facts">
        {facts.map(([label, value]) => (
          <div key={label} class="mc-facts__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {history.survey && (
        <section class="card mc-card" aria-labelledby="h-survey" data-testid="history-survey">
          <header class="card__header">
            <h2 class="card__title" id="h-survey">
              {t('admin.survey.title')}
            </h2>
            <span class="badge badge--neutral" data-testid="survey-rating">
              {t('admin.survey.rating', { rating: history.survey.rating })}
            </span>
          </header>
          <div class="card__body">
            {history.survey.comment ? (
              <blockquote class="mc-survey__comment" data-testid="survey-comment">
                {history.survey.comment}
              </blockquote>
            ) : (
              <p class="empty">{t('admin.survey.noComment')}</p>
            )}
            <p class="mc-survey__when">{dateTime(history.survey.answeredAt)}</p>
          </div>
        </section>
      )}

      <RecordingPlayer session={s.id} canDelete />

      <div class="mc-session-grid">
        <section class="card mc-card" aria-labelledby="h-transcript" data-testid="history-transcript">
          <header class="card__header">
            <h2 class="card__title" id="h-transcript">
              {t('admin.session.transcript')}
            </h2>
            <span class="badge badge--neutral">{history.transcript.length}</span>
          </header>
          <div class="card__body">
            {retention.transcriptRemoved ? (
              <p class="callout callout--info" data-testid="transcript-removed">
                {t('admin.session.transcriptRemoved')}
              </p>
            ) : history.transcript.length === 0 ? (
              <p class="empty">{t('admin.session.noMessages')}</p>
            ) : (
              <ol class="transcript mc-transcript">
                {history.transcript.map((m) => (
                  <MessageItem key={m.seq} message={m} />
                ))}
              </ol>
            )}
          </div>
        </section>

        <section class="card mc-card" aria-labelledby="h-permissions" data-testid="history-permissions">
          <header class="card__header">
            <h2 class="card__title" id="h-permissions">
              {t('admin.session.permissions')}
            </h2>
          </header>
          <div class="card__body">
            {history.permissions.length === 0 ? (
              <p class="empty">{t('admin.session.noPermissions')}</p>
            ) : (
              <ol class="mc-timeline">
                {history.permissions.map((event, i) => (
                  <PermissionItem key={i} event={event} />
                ))}
              </ol>
            )}
          </div>
        </section>
      </div>

      <div class="card mc-card" data-testid="history-notes">
        <SessionNotes session={s.id} initial={history.notes ?? []} />
        <SessionFiles session={s.id} live={false} />
      </div>

      <section class="card mc-card" aria-labelledby="h-diagnostics" data-testid="history-diagnostics">
        <header class="card__header">
          <h2 class="card__title" id="h-diagnostics">
            {t('diag.title')}
          </h2>
          <span class="badge badge--neutral">{history.diagnostics.length}</span>
        </header>
        <div class="card__body">
          {retention.transcriptRemoved && history.diagnostics.length === 0 ? (
            <p class="callout callout--info" data-testid="diagnostics-removed">
              {t('admin.session.diagnosticsRemoved')}
            </p>
          ) : history.diagnostics.length === 0 ? (
            <p class="empty">{t('admin.session.noReports')}</p>
          ) : (
            history.diagnostics.map(
              (stored, i) =>
                // A stored report the server cannot read comes as null: there is nothing to draw.
                stored.report && (
                  <ReportItem key={stored.id} report={stored.report} collectedAt={stored.collectedAt} open={i === history.diagnostics.length - 1} />
                ),
            )
          )}
        </div>
      </section>

      <section class="card mc-card" aria-labelledby="h-logs" data-testid="history-logs">
        <header class="card__header">
          <h2 class="card__title" id="h-logs">
            {t('logs.title')}
          </h2>
          <span class="badge badge--neutral">{history.logFiles.length}</span>
        </header>
        <div class="card__body">
          {retention.logFilesRemoved ? (
            <p class="callout callout--info" data-testid="logs-removed">
              {t('admin.session.logsRemoved')}
            </p>
          ) : history.logFiles.length === 0 ? (
            <p class="empty">{t('admin.session.noLogs')}</p>
          ) : (
            <LogFileTable session={s.id} files={history.logFiles} />
          )}
        </div>
      </section>
    </>
  );
}

const EVENT_TONE: Record<string, string> = {
  asked: 'info',
  granted: 'success',
  refused: 'danger',
  stopped: 'neutral',
  released: 'neutral',
};

const KNOWN_KINDS = ['screen', 'control', 'diagnostics', 'logs'];
const KNOWN_EVENTS = ['asked', 'granted', 'refused', 'stopped', 'released'];

function PermissionItem({ event }: { event: PermissionEvent }) {
  const { t, dateTime, time } = useI18n();
  const kind = KNOWN_KINDS.includes(event.kind) ? t(`admin.perm.kind.${event.kind as 'screen'}`) : event.kind;
  const what = KNOWN_EVENTS.includes(event.event) ? t(`admin.perm.event.${event.event as 'asked'}`) : event.event;
  return (
    <li class="mc-timeline__item" data-testid="permission-event" data-kind={event.kind} data-event={event.event}>
      <time dateTime={event.at} title={dateTime(event.at)} class="mc-timeline__time">
        {time(event.at)}
      </time>
      <span class="mc-timeline__what">
        <strong>{kind}</strong> <span class={`badge badge--${EVENT_TONE[event.event] ?? 'neutral'}`}>{what}</span>
      </span>
      {event.actor && <span class="mc-timeline__actor">{actorText(event.actor, t)}</span>}
    </li>
  );
}

/** One diagnostics report, drawn by the Remote Diagnostics window's own components. */
function ReportItem({ report, collectedAt, open }: { report: DiagnosticsReport; collectedAt: string; open: boolean }) {
  const { t, lang, dateTime } = useI18n();
  const u = useMemo(() => units(lang), [lang]);
  // The history's reports carry no warnings of the server's (only the live view does).
  const warnings = useMemo(() => warningViews([], report, t, u), [report, t, u]);
  const sections = useMemo(() => sectionViews(report, warnings, t, u), [report, warnings, t, u]);
  const at = collectedAt ?? report.collectedAt ?? null;
  return (
    <details class="mc-report diag" open={open} data-testid="history-report">
      <summary>{at ? t('diag.collectedAt', { time: dateTime(at) }) : t('diag.title')}</summary>
      <div class="mc-report__body">
        <WarningList warnings={warnings} />
        <ReportSections sections={sections} />
        <InstalledAppsList report={report} />
      </div>
    </details>
  );
}

function LogFileTable({ session, files }: { session: string; files: HistoryLogFile[] }) {
  const { t, lang, dateTime } = useI18n();
  const u = useMemo(() => units(lang), [lang]);
  return (
    <table class="mc-table">
      <thead>
        <tr>
          <th scope="col">{t('admin.session.fileName')}</th>
          <th scope="col" class="mc-num">
            {t('admin.session.fileSize')}
          </th>
          <th scope="col">{t('admin.session.fileStored')}</th>
          <th scope="col" class="mc-table__actions">
            <span class="visually-hidden">{t('admin.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.id} data-testid="history-log-file">
            <td class="mc-mono">{file.name}</td>
            <td class="mc-num">{u.bytes(file.size)}</td>
            <td>{dateTime(file.storedAt)}</td>
            <td class="mc-table__actions">
              <a class="btn btn--small btn--ghost" href={file.url || adminApi.logFileUrl(session, file.id)} download={file.name} aria-label={`${t('logs.download')} ${file.name}`}>
                <Icon name="download" size={16} />
                {t('logs.download')}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
