import './team.css';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AvailabilityStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';

export const STATUSES: AvailabilityStatus[] = ['available', 'busy', 'away'];
export const STATUS_LABELS = {
  available: 'team.status.available',
  busy: 'team.status.busy',
  away: 'team.status.away',
} as const satisfies Record<AvailabilityStatus, string>;

/**
 * The signed-in technician's availability in the top bar (issue 18.2): available, busy or away.
 * Everyone else sees it (Transfer and Invite list it; away technicians cannot be picked) and the
 * Requests panel offers new requests to available technicians first (docs/transfer.md).
 */
export function AvailabilityPicker({ username }: { username: string }) {
  const { t } = useI18n();
  const { actions } = useConsole();
  const [status, setStatus] = useState<AvailabilityStatus>('available');

  useEffect(() => {
    const load = () =>
      api
        .availability()
        .then((all) => {
          const mine = all.find((a) => a.username === username);
          if (mine) setStatus(mine.status);
        })
        .catch(() => undefined);
    load();
    return actions.listen((event) => {
      if (event.type === 'availability' || event.type === 'open') load();
    });
  }, [username, actions]);

  const change = (next: AvailabilityStatus) => {
    const before = status;
    setStatus(next);
    api.setAvailability(next).catch(() => setStatus(before));
  };

  return (
    <label class={`availability availability--${status}`} title={t('team.availability')}>
      <span class="availability__dot" aria-hidden="true" />
      <select
        data-testid="availability"
        aria-label={t('team.availability')}
        value={status}
        onChange={(e) => change((e.currentTarget as HTMLSelectElement).value as AvailabilityStatus)}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABELS[s])}
          </option>
        ))}
      </select>
    </label>
  );
}
