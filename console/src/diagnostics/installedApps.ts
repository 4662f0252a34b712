import type { AppsSection, DiagnosticsReport, InstalledApp } from '../api/types';
import { read } from './reading';

export interface AppsView {
  apps: InstalledApp[];
  /** How many apps the phone has; more than `apps.length` when the phone shortened the list. */
  totalCount: number;
  truncated: boolean;
}

/** The installed apps of a report, or the reason they are missing. */
export function appsOf(report: DiagnosticsReport): AppsView | { unavailable: string } {
  const section = read<AppsSection>(report.installedApps);
  if (!section.ok) return { unavailable: section.reason };
  const apps = section.value.apps ?? [];
  return {
    apps,
    totalCount: Math.max(section.value.totalCount ?? 0, apps.length),
    truncated: !!section.value.truncated,
  };
}

/** Apps whose label, package or version contains every word of the filter, ignoring case and accents. */
export function filterApps(apps: InstalledApp[], filter: string): InstalledApp[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return apps;
  return apps.filter((app) => {
    const haystack = fold(`${app.name ?? ''} ${app.package ?? ''} ${app.version?.value ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
