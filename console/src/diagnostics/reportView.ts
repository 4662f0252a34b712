import type {
  DiagnosticsReport,
  DiagnosticsWarning,
  Grant,
  Reading,
  Volume,
} from '../api/types';
import { reasonText } from '../i18n/deviceReasons';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';
import { NOT_IN_REPORT, read, valueOf, type Read } from './reading';
import type { Units } from './units';

/**
 * A DiagnosticsReport turned into what the Remote Diagnostics window and its plain-text copy show:
 * sections of labelled rows with units, unavailable values with their reason, and the server's
 * warnings pointed at the rows they are about. Pure: the tests drive it with real report JSON.
 */

export type SectionId = 'device' | 'battery' | 'storage' | 'memory' | 'cpu' | 'display' | 'network' | 'locale' | 'permissions';

export const SECTION_ORDER: SectionId[] = ['device', 'battery', 'storage', 'memory', 'cpu', 'display', 'network', 'locale', 'permissions'];

export interface Row {
  /** `section.field`, e.g. `battery.level`; what warnings point at and tests look for. */
  id: string;
  label: string;
  /** The value with its unit, when the phone gave it. */
  value?: string;
  /** Why the phone could not give it. */
  unavailable?: string;
  /** Codes of the warnings about this row. */
  warnings: string[];
}

export interface SectionView {
  id: SectionId;
  title: string;
  /** The whole section could not be collected, and why. */
  unavailable?: string;
  rows: Row[];
  /** Codes of the warnings about this section (on a row or not). */
  warnings: string[];
}

export interface WarningView {
  code: string;
  section: string;
  /** The row the warning is about, when the console knows it. */
  row?: string;
  text: string;
  /** critical findings (the phone may switch off, nothing gets through) are shown stronger. */
  severity: 'critical' | 'warning';
}

/** The row each known warning code is about. Both spellings of the permission codes are accepted. */
const WARNING_ROWS: Record<string, string> = {
  'battery.low': 'battery.level',
  'battery.critical': 'battery.level',
  'storage.low': 'storage.internal',
  'memory.low': 'memory.available',
  'network.none': 'network.kind',
  'permission.screen-capture.missing': 'permissions.screenCapture',
  'permission.screenCapture.missing': 'permissions.screenCapture',
  'permission.accessibility.missing': 'permissions.accessibility',
};

const CRITICAL = new Set(['battery.critical', 'network.none']);

/** The server's warnings with a sentence in the technician's language (the server's own for codes the console does not know). */
export function warningViews(
  warnings: DiagnosticsWarning[] | undefined,
  report: DiagnosticsReport | null | undefined,
  t: Translate,
  u: Units,
): WarningView[] {
  return (warnings ?? []).map((warning) => ({
    code: warning.code,
    section: warning.section,
    row: WARNING_ROWS[warning.code],
    text: warningText(warning, report, t, u),
    severity: CRITICAL.has(warning.code) ? 'critical' : 'warning',
  }));
}

function warningText(warning: DiagnosticsWarning, report: DiagnosticsReport | null | undefined, t: Translate, u: Units): string {
  const battery = valueOf(report?.battery);
  const storage = valueOf(report?.storage);
  const memory = valueOf(report?.memory);
  const permissions = valueOf(report?.permissions);
  const level = valueOf(battery?.levelPercent);
  switch (warning.code) {
    case 'battery.low':
      return level !== undefined ? t('diag.warn.batteryLow', { level: u.percent(level) }) : warning.message;
    case 'battery.critical':
      return level !== undefined ? t('diag.warn.batteryCritical', { level: u.percent(level) }) : warning.message;
    case 'storage.low': {
      const internal = storage?.internal;
      if (!internal || !(internal.totalBytes > 0)) return warning.message;
      return t('diag.warn.storageLow', {
        free: u.bytes(internal.freeBytes),
        total: u.bytes(internal.totalBytes),
        share: u.percent((internal.freeBytes / internal.totalBytes) * 100),
      });
    }
    case 'memory.low':
      return memory?.availableBytes !== undefined ? t('diag.warn.memoryLow', { available: u.bytes(memory.availableBytes) }) : warning.message;
    case 'network.none':
      return t('diag.warn.networkNone');
    case 'permission.screen-capture.missing':
    case 'permission.screenCapture.missing':
      return t('diag.warn.screenCaptureMissing') + reasonSuffix(permissions?.screenCapture, t);
    case 'permission.accessibility.missing':
      return t('diag.warn.accessibilityMissing') + reasonSuffix(permissions?.accessibility, t);
    default:
      return warning.message;
  }
}

function reasonSuffix(grant: Reading<Grant> | undefined, t: Translate): string {
  const reason = valueOf(grant)?.reason;
  return reason ? ` (${reasonText(t, reason)})` : '';
}

type Cell = Read<string>;

const text = (value: string | number | null | undefined): Cell =>
  value === null || value === undefined || value === '' ? { ok: false, reason: NOT_IN_REPORT } : { ok: true, value: String(value) };

const mapped = <T>(reading: Reading<T> | undefined, format: (value: T) => string): Cell => {
  const r = read(reading);
  return r.ok ? { ok: true, value: format(r.value) } : r;
};

const num = (value: number | undefined, format: (value: number) => string): Cell =>
  typeof value === 'number' && Number.isFinite(value) ? { ok: true, value: format(value) } : { ok: false, reason: NOT_IN_REPORT };

/** Capitalised first letter, underscores as spaces: Android's `over_voltage` → `Over voltage`. */
function word(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toLocaleUpperCase() + spaced.slice(1);
}

/** Builds the window's sections. The installed apps are not among them: they get their own list. */
export function sectionViews(
  report: DiagnosticsReport,
  warnings: WarningView[],
  t: Translate,
  u: Units,
): SectionView[] {
  const yesNo = (value: boolean | undefined): Cell =>
    typeof value === 'boolean' ? { ok: true, value: t(value ? 'diag.yes' : 'diag.no') } : { ok: false, reason: NOT_IN_REPORT };
  const wordIn = (prefix: string, value: string): string => {
    const key = `${prefix}.${value}` as MessageKey;
    const translated = t(key);
    return translated === key ? word(value) : translated;
  };
  const known = (prefix: string, value: string | undefined): Cell =>
    value ? { ok: true, value: wordIn(prefix, value) } : { ok: false, reason: NOT_IN_REPORT };
  const volume = (v: Volume): string =>
    t('diag.value.volume', {
      free: u.bytes(v.freeBytes),
      total: u.bytes(v.totalBytes),
      share: v.totalBytes > 0 ? u.percent((v.freeBytes / v.totalBytes) * 100) : '–',
    });
  const grant = (g: Grant): string => (g.granted ? t('diag.value.granted') : g.reason ? t('diag.value.notGrantedBecause', { reason: reasonText(t, g.reason) }) : t('diag.value.notGranted'));

  const cells: Record<SectionId, (r: DiagnosticsReport) => [string, MessageKey, Cell][] | { ok: false; reason: string }> = {
    device: (r) => {
      const s = read(r.device);
      if (!s.ok) return s;
      const d = s.value;
      return [
        ['manufacturer', 'diag.row.manufacturer', text(d.manufacturer)],
        ['model', 'diag.row.model', text(d.model)],
        ['androidVersion', 'diag.row.androidVersion', text(d.androidVersion)],
        ['apiLevel', 'diag.row.apiLevel', num(d.apiLevel, (v) => String(v))],
        ['securityPatch', 'diag.row.securityPatch', mapped(d.securityPatch, String)],
        ['build', 'diag.row.build', mapped(d.build, String)],
        ['uptime', 'diag.row.uptime', num(d.uptimeSeconds, u.duration)],
      ];
    },
    battery: (r) => {
      const s = read(r.battery);
      if (!s.ok) return s;
      const b = s.value;
      return [
        ['level', 'diag.row.batteryLevel', mapped(b.levelPercent, (v) => u.percent(v))],
        ['charging', 'diag.row.charging', yesNo(b.charging)],
        ['source', 'diag.row.powerSource', known('diag.source', b.source)],
        ['health', 'diag.row.health', mapped(b.health, (v) => wordIn('diag.health', v))],
        ['temperature', 'diag.row.temperature', mapped(b.temperatureCelsius, u.celsius)],
        ['voltage', 'diag.row.voltage', mapped(b.voltageMillivolts, u.millivolts)],
      ];
    },
    storage: (r) => {
      const s = read(r.storage);
      if (!s.ok) return s;
      const st = s.value;
      return [
        ['internal', 'diag.row.internalStorage', st.internal ? { ok: true, value: volume(st.internal) } : { ok: false, reason: NOT_IN_REPORT }],
        ['external', 'diag.row.sdCard', mapped(st.external, volume)],
      ];
    },
    memory: (r) => {
      const s = read(r.memory);
      if (!s.ok) return s;
      const m = s.value;
      return [
        ['total', 'diag.row.memoryTotal', num(m.totalBytes, u.bytes)],
        ['available', 'diag.row.memoryAvailable', num(m.availableBytes, u.bytes)],
        ['low', 'diag.row.lowMemory', yesNo(m.lowMemory)],
      ];
    },
    cpu: (r) => {
      const s = read(r.cpu);
      if (!s.ok) return s;
      const c = s.value;
      return [
        ['cores', 'diag.row.cores', num(c.cores, (v) => u.number(v))],
        ['abis', 'diag.row.abis', text((c.abis ?? []).join(', '))],
      ];
    },
    display: (r) => {
      const s = read(r.display);
      if (!s.ok) return s;
      const d = s.value;
      return [
        [
          'resolution',
          'diag.row.resolution',
          d.widthPx && d.heightPx ? { ok: true, value: u.pixels(d.widthPx, d.heightPx) } : { ok: false, reason: NOT_IN_REPORT },
        ],
        ['density', 'diag.row.density', num(d.densityDpi, u.dpi)],
        ['refreshRate', 'diag.row.refreshRate', mapped(d.refreshRateHz, u.hertz)],
      ];
    },
    network: (r) => {
      const s = read(r.network);
      if (!s.ok) return s;
      const n = s.value;
      return [
        ['kind', 'diag.row.networkKind', known('diag.network', n.kind)],
        ['wifiSignal', 'diag.row.wifiSignal', mapped(n.wifiSignalDbm, u.dbm)],
        ['wifiLink', 'diag.row.wifiLink', mapped(n.wifiLinkMbps, u.mbps)],
        ['operator', 'diag.row.operator', mapped(n.operator, String)],
        ['cellularType', 'diag.row.cellularType', mapped(n.cellularType, String)],
        ['addresses', 'diag.row.addresses', text((n.addresses ?? []).join(', '))],
        ['vpn', 'diag.row.vpn', yesNo(n.vpn)],
      ];
    },
    locale: (r) => {
      const s = read(r.locale);
      if (!s.ok) return s;
      return [
        ['language', 'diag.row.language', text(s.value.languageTag)],
        ['timeZone', 'diag.row.timeZone', text(s.value.timeZone)],
      ];
    },
    permissions: (r) => {
      const s = read(r.permissions);
      if (!s.ok) return s;
      return [
        ['screenCapture', 'diag.row.screenCapture', mapped(s.value.screenCapture, grant)],
        ['accessibility', 'diag.row.accessibility', mapped(s.value.accessibility, grant)],
      ];
    },
  };

  return SECTION_ORDER.map((id) => {
    const sectionWarnings = warnings.filter((w) => w.section === id || w.row?.startsWith(`${id}.`)).map((w) => w.code);
    const title = t(`diag.section.${id}` as MessageKey);
    const built = cells[id](report);
    if (!Array.isArray(built)) {
      return { id, title, unavailable: reasonText(t, built.reason), rows: [], warnings: sectionWarnings };
    }
    const rows = built.map(([field, label, cell]): Row => {
      const rowId = `${id}.${field}`;
      return {
        id: rowId,
        label: t(label),
        ...(cell.ok ? { value: cell.value } : { unavailable: reasonText(t, cell.reason) }),
        warnings: warnings.filter((w) => w.row === rowId).map((w) => w.code),
      };
    });
    return { id, title, rows, warnings: sectionWarnings };
  });
}
