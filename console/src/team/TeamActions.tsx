import './team.css';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { Availability, Portal, Session, Team } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { STATUS_LABELS } from './AvailabilityPicker';

type Mode = 'transfer' | 'invite' | null;
const QUEUE = 'queue:';

/**
 * Transfer and collaborate in the Chat window (issue 18.2): who is on the session and who holds
 * control of the phone; Transfer (to another technician, with a note the new technician reads as
 * a private note), Invite a technician (they see the chat and the screen), Pass control (only
 * the holder) and Leave (a helper). Away technicians are listed but cannot be picked; the server
 * refuses them too (docs/transfer.md).
 */
export function TeamActions({ session }: { session: Session }) {
  const { t } = useI18n();
  const { actions, me } = useConsole();
  const [team, setTeam] = useState<Team | null>(null);
  const [people, setPeople] = useState<Availability[]>([]);
  const [portals, setPortals] = useState<Portal[]>([]);
  const [mode, setMode] = useState<Mode>(null);
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = session.status === 'active';

  useEffect(() => {
    if (!active) return undefined;
    const load = () => api.team(session.id).then(setTeam).catch(() => undefined);
    load();
    return actions.listen((event) => {
      const e = event as { type: string; session?: unknown };
      if ((e.type === 'team' && e.session === session.id) || e.type === 'open') load();
    });
  }, [session.id, active, actions]);

  useEffect(() => {
    if (!mode) return;
    api.availability().then(setPeople).catch(() => setPeople([]));
    if (mode === 'transfer') api.portals().then(setPortals).catch(() => setPortals([]));
  }, [mode]);

  if (!active || !team || !me) return null;

  const onTeam = [team.owner.username, ...team.helpers.map((h) => h.username)];
  const holder = team.controlHolder === me.username;
  const helping = team.helpers.some((h) => h.username === me.username);
  // A transfer may go to a helper (they become the owner); an invite only to someone not on the session.
  const candidates = people.filter((p) =>
    mode === 'transfer' ? p.username !== team.owner.username : !onTeam.includes(p.username),
  );

  const run = async (work: () => Promise<Team>) => {
    setError(null);
    setBusy(true);
    try {
      setTeam(await work());
      setMode(null);
      setChosen('');
      setNote('');
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  const names = (username: string) =>
    [team.owner, ...team.helpers].find((m) => m.username === username)?.displayName ?? username;

  return (
    <div class="screen-actions team-actions" role="group" data-testid="team">
      <span class="form-hint" data-testid="team-members">
        {t('team.with', { names: onTeam.map(names).join(', ') })} ·{' '}
        <span data-testid="control-holder">{t('team.controlHolder', { name: names(team.controlHolder) })}</span>
      </span>
      <button type="button" class="btn btn--small btn--secondary" data-testid="transfer-open" onClick={() => setMode(mode === 'transfer' ? null : 'transfer')}>
        {t('team.transfer')}
      </button>
      <button type="button" class="btn btn--small btn--secondary" data-testid="invite-open" onClick={() => setMode(mode === 'invite' ? null : 'invite')}>
        {t('team.invite')}
      </button>
      {holder && onTeam.length > 1 && (
        <select
          data-testid="pass-control"
          aria-label={t('team.passControl')}
          value=""
          disabled={busy}
          onChange={(e) => {
            const to = (e.currentTarget as HTMLSelectElement).value;
            if (to) void run(() => api.passControl(session.id, to));
          }}
        >
          <option value="">{t('team.passControl')}</option>
          {onTeam
            .filter((u) => u !== me.username)
            .map((u) => (
              <option key={u} value={u}>
                {names(u)}
              </option>
            ))}
        </select>
      )}
      {helping && (
        <button type="button" class="btn btn--small btn--secondary" data-testid="leave-session" disabled={busy} onClick={() => run(() => api.leaveSession(session.id))}>
          {t('team.leave')}
        </button>
      )}
      {mode && (
        <form
          class="team-form"
          data-testid={`${mode}-form`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            // "queue:<slug>" puts the session back in that portal's queue (issue 18.2).
            const queue = chosen.startsWith(QUEUE) ? chosen.slice(QUEUE.length) : null;
            void run(() =>
              mode === 'invite'
                ? api.inviteTechnician(session.id, chosen)
                : queue
                  ? api.transferToQueue(session.id, queue, note)
                  : api.transfer(session.id, chosen, note),
            );
          }}
        >
          <select
            data-testid="team-technician"
            aria-label={t('team.technician')}
            value={chosen}
            onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('team.choose')}</option>
            {candidates.map((p) => (
              <option key={p.username} value={p.username} disabled={p.status === 'away'}>
                {p.displayName} ({t(STATUS_LABELS[p.status])})
              </option>
            ))}
            {mode === 'transfer' && portals.length > 0 && (
              <optgroup label={t('team.queues')}>
                {portals.map((p) => (
                  <option key={p.slug} value={`${QUEUE}${p.slug}`}>
                    {t('team.queueOf', { portal: p.name })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {mode === 'transfer' && (
            <textarea
              data-testid="transfer-note"
              rows={2}
              maxLength={4000}
              placeholder={t('team.notePlaceholder')}
              aria-label={t('team.note')}
              value={note}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
          )}
          <button type="submit" class="btn btn--small" data-testid={`${mode}-submit`} disabled={busy || !chosen}>
            {mode === 'transfer' ? t('team.transferSubmit') : t('team.inviteSubmit')}
          </button>
        </form>
      )}
      {error && (
        <span class="form-error" role="alert" data-testid="team-error">
          {error}
        </span>
      )}
    </div>
  );
}
