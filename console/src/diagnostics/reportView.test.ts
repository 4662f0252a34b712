import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import { healthyReport, troubledReport, troubledWarnings } from '../testing/sampleReports';
import { appsOf, filterApps, type AppsView } from './installedApps';
import { reportText } from './reportText';
import { SECTION_ORDER, sectionViews, warningViews, type SectionView } from './reportView';
import { units } from './units';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const tEs = (key: MessageKey, params?: Record<string, string | number>) => translate('es', key, params);
const u = units('en');

const row = (sections: SectionView[], id: string) => sections.flatMap((s) => s.rows).find((r) => r.id === id);

describe('sectionViews', () => {
  it('shows every section in order, with units', () => {
    const sections = sectionViews(healthyReport(), [], t, u);
    expect(sections.map((s) => s.id)).toEqual(SECTION_ORDER);
    expect(row(sections, 'device.model')?.value).toBe('SM-S918B');
    expect(row(sections, 'device.uptime')?.value).toBe('1 d 1 h');
    expect(row(sections, 'battery.level')?.value).toBe('80 %');
    expect(row(sections, 'battery.temperature')?.value).toBe('31.5 °C');
    expect(row(sections, 'battery.source')?.value).toBe('Battery');
    expect(row(sections, 'battery.health')?.value).toBe('Good');
    expect(row(sections, 'storage.internal')?.value).toBe('120.0 GB free of 256.0 GB (47 %)');
    expect(row(sections, 'memory.available')?.value).toBe('5.0 GB');
    expect(row(sections, 'cpu.abis')?.value).toBe('arm64-v8a, armeabi-v7a');
    expect(row(sections, 'display.resolution')?.value).toBe('1,440 × 3,088 px');
    expect(row(sections, 'display.density')?.value).toBe('600 dpi');
    expect(row(sections, 'display.refreshRate')?.value).toBe('120 Hz');
    expect(row(sections, 'network.kind')?.value).toBe('Wi-Fi');
    expect(row(sections, 'network.wifiSignal')?.value).toBe('-58 dBm');
    expect(row(sections, 'locale.timeZone')?.value).toBe('Europe/Berlin');
    expect(row(sections, 'permissions.screenCapture')?.value).toBe('Granted');
    expect(sections.every((s) => s.warnings.length === 0)).toBe(true);
  });

  it('keeps the phone’s reason for every value it could not give', () => {
    const sections = sectionViews(healthyReport(), [], t, u);
    expect(row(sections, 'device.build')).toMatchObject({ unavailable: 'not reported by this vendor' });
    expect(row(sections, 'device.build')).not.toHaveProperty('value');
    expect(row(sections, 'battery.voltage')?.unavailable).toBe('not reported by the battery driver');
    expect(row(sections, 'storage.external')?.unavailable).toBe('no SD card inserted');
  });

  it('shows a section the phone could not collect as unavailable, and the rest as usual', () => {
    const report = healthyReport();
    report.battery = { unavailable: 'the battery service did not answer' };
    delete report.locale;
    const sections = sectionViews(report, [], t, u);
    expect(sections.find((s) => s.id === 'battery')).toMatchObject({ unavailable: 'the battery service did not answer', rows: [] });
    expect(sections.find((s) => s.id === 'locale')?.unavailable).toBe('not in the report');
    expect(row(sections, 'device.model')?.value).toBe('SM-S918B');
  });

  it('reads a report from a newer phone without failing on what it does not know', () => {
    const report = { version: 2, collectedAt: '2025-06-01T09:30:00Z', future: {}, device: { value: { manufacturer: 'x', model: 'y', androidVersion: '15', apiLevel: 35 } } };
    const sections = sectionViews(report as never, [], t, u);
    expect(row(sections, 'device.apiLevel')?.value).toBe('35');
    expect(row(sections, 'device.build')?.unavailable).toBe('not in the report');
    expect(sections.find((s) => s.id === 'battery')?.unavailable).toBe('not in the report');
  });

  it('translates the values, not only the labels', () => {
    const sections = sectionViews(troubledReport(), [], tEs, units('es'));
    expect(row(sections, 'network.kind')).toMatchObject({ label: 'Conexión', value: 'Sin conexión' });
    expect(row(sections, 'battery.health')?.value).toBe('Sobrecalentada');
    expect(row(sections, 'storage.internal')?.value).toBe('3,2 GB libres de 64,0 GB (5 %)');
    expect(row(sections, 'permissions.screenCapture')?.value).toBe('No concedido: a la espera del consentimiento del cliente');
    expect(row(sections, 'memory.low')?.value).toBe('Sí');
  });
});

describe('warningViews', () => {
  it('points every known warning at its row and says it in the technician’s language', () => {
    const report = troubledReport();
    const warnings = warningViews(troubledWarnings, report, t, u);
    expect(warnings.map((w) => [w.code, w.row])).toEqual([
      ['battery.critical', 'battery.level'],
      ['storage.low', 'storage.internal'],
      ['memory.low', 'memory.available'],
      ['network.none', 'network.kind'],
      ['permission.screen-capture.missing', 'permissions.screenCapture'],
      ['permission.accessibility.missing', 'permissions.accessibility'],
    ]);
    expect(warnings[0]).toMatchObject({ severity: 'critical', text: expect.stringContaining('(9 %) and not charging') });
    expect(warnings[1].text).toContain('3.2 GB free of 64.0 GB, 5 %');
    expect(warnings[2].text).toContain('150 MB available');
    expect(warnings[4].text).toContain("(waiting for the customer's consent)");
    expect(warningViews(troubledWarnings, report, tEs, units('es'))[1].text).toContain('3,2 GB libres de 64,0 GB');

    const sections = sectionViews(report, warnings, t, u);
    expect(row(sections, 'battery.level')?.warnings).toEqual(['battery.critical']);
    expect(row(sections, 'storage.internal')?.warnings).toEqual(['storage.low']);
    expect(row(sections, 'storage.external')?.warnings).toEqual([]);
    expect(sections.find((s) => s.id === 'permissions')?.warnings).toHaveLength(2);
  });

  it('accepts the camel-case permission code too', () => {
    const [warning] = warningViews([{ code: 'permission.screenCapture.missing', section: 'permissions', message: 'x' }], troubledReport(), t, u);
    expect(warning.row).toBe('permissions.screenCapture');
  });

  it('shows the server’s sentence for a code the console does not know, on its section', () => {
    const unknown = [{ code: 'thermal.hot', section: 'battery', message: 'The phone is hot.' }];
    const warnings = warningViews(unknown, healthyReport(), t, u);
    expect(warnings[0]).toMatchObject({ text: 'The phone is hot.', row: undefined, severity: 'warning' });
    const sections = sectionViews(healthyReport(), warnings, t, u);
    expect(sections.find((s) => s.id === 'battery')?.warnings).toEqual(['thermal.hot']);
    expect(sections.flatMap((s) => s.rows).some((r) => r.warnings.length > 0)).toBe(false);
  });

  it('falls back to the server’s sentence when the value behind a warning is missing', () => {
    const report = healthyReport();
    report.battery = { unavailable: 'gone' };
    expect(warningViews([troubledWarnings[0]], report, t, u)[0].text).toBe(troubledWarnings[0].message);
    expect(warningViews(undefined, report, t, u)).toEqual([]);
  });
});

describe('reportText', () => {
  it('renders the report as plain text with warnings first and reasons for gaps', () => {
    const report = troubledReport();
    const warnings = warningViews(troubledWarnings, report, t, u);
    const text = reportText(
      { customer: 'Ana', code: '123 456 789', collectedAt: '1 Jun 2025, 09:30' },
      report,
      sectionViews(report, warnings, t, u),
      warnings,
      t,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Remote Diagnostics: Ana, session 123 456 789');
    expect(lines[1]).toBe('Collected: 1 Jun 2025, 09:30');
    expect(lines[3]).toBe('Warnings');
    expect(lines[4]).toMatch(/^ {2}! The battery is low \(9 %\)/);
    expect(text).toContain('\nDevice\n  Manufacturer: samsung\n  Model: SM-S918B\n');
    expect(text).toContain('  ! Charge: 9 %\n');
    expect(text).toContain('  Build number: Unavailable: not reported by this vendor\n');
    expect(text).toContain('Installed apps\n  Unavailable: the package manager did not answer\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('lists the installed apps with package and version', () => {
    const report = healthyReport();
    const text = reportText({ customer: 'Ana', code: '1', collectedAt: '' }, report, sectionViews(report, [], t, u), [], t);
    expect(text).not.toContain('Warnings');
    expect(text).toContain('Installed apps (2 of 2)\n  Samsung Notes — com.samsung.android.app.notes 4.4.21.62\n  Ünïcödé "quoted" 😀 — org.example.odd\n');
  });
});

describe('installed apps', () => {
  it('says how many the phone has when it sent fewer', () => {
    const report = healthyReport();
    report.installedApps = { value: { apps: [{ name: 'A', package: 'a' }], totalCount: 612, truncated: true } };
    expect(appsOf(report)).toMatchObject({ totalCount: 612, truncated: true });
  });

  it('filters by every word, ignoring case and accents', () => {
    const apps = (appsOf(healthyReport()) as AppsView).apps;
    expect(filterApps(apps, '').length).toBe(2);
    expect(filterApps(apps, 'notes SAMSUNG').map((a) => a.name)).toEqual(['Samsung Notes']);
    expect(filterApps(apps, 'unicode').map((a) => a.package)).toEqual(['org.example.odd']);
    expect(filterApps(apps, '4.4.21')).toHaveLength(1);
    expect(filterApps(apps, 'nothing')).toEqual([]);
  });
});
