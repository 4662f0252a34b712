import type { DiagnosticsReport } from '../api/types';
import { reasonText } from '../i18n/deviceReasons';
import type { Translate } from '../i18n/translate';
import { appsOf } from './installedApps';
import { read } from './reading';
import type { SectionView, WarningView } from './reportView';

export interface TextHeader {
  customer: string;
  code: string;
  /** Already formatted collection time, or '' when unknown. */
  collectedAt: string;
}

/**
 * The report as plain text for the clipboard (a ticket, an email): a title, the warnings, then every
 * section as "label: value" lines, unavailable values with their reason, and the installed apps.
 */
export function reportText(
  header: TextHeader,
  report: DiagnosticsReport,
  sections: SectionView[],
  warnings: WarningView[],
  t: Translate,
): string {
  const lines: string[] = [];
  lines.push(t('diag.text.title', { name: header.customer, code: header.code }));
  if (header.collectedAt) lines.push(t('diag.text.collected', { time: header.collectedAt }));
  lines.push('');

  if (warnings.length > 0) {
    lines.push(t('diag.warnings'));
    for (const warning of warnings) lines.push(`  ! ${warning.text}`);
    lines.push('');
  }

  for (const section of sections) {
    lines.push(section.title);
    if (section.unavailable) {
      lines.push(`  ${t('diag.unavailableBecause', { reason: section.unavailable })}`);
    }
    for (const row of section.rows) {
      const value = row.value ?? t('diag.unavailableBecause', { reason: row.unavailable ?? '' });
      lines.push(`  ${row.warnings.length > 0 ? '! ' : ''}${row.label}: ${value}`);
    }
    lines.push('');
  }

  const apps = appsOf(report);
  if ('unavailable' in apps) {
    lines.push(t('diag.apps.title'));
    lines.push(`  ${t('diag.unavailableBecause', { reason: reasonText(t, apps.unavailable) })}`);
  } else {
    lines.push(`${t('diag.apps.title')} (${t('diag.apps.count', { shown: apps.apps.length, total: apps.totalCount })})`);
    for (const app of apps.apps) {
      const version = read(app.version);
      lines.push(`  ${app.name || app.package || '?'} — ${app.package ?? ''}${version.ok ? ` ${version.value}` : ''}`);
    }
  }
  return lines.join('\n').trimEnd() + '\n';
}
