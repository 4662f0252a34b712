import type { Lang } from '../i18n/translate';

/**
 * Numbers with their units, in the technician's language. Sizes use decimal units (1 GB = 10^9
 * bytes), as Android's Settings and the server's warning sentences do, so the numbers agree.
 */
export interface Units {
  number(value: number, fractionDigits?: number): string;
  bytes(bytes: number): string;
  percent(value: number, fractionDigits?: number): string;
  celsius(value: number): string;
  millivolts(value: number): string;
  hertz(value: number): string;
  dpi(value: number): string;
  pixels(width: number, height: number): string;
  dbm(value: number): string;
  mbps(value: number): string;
  duration(seconds: number): string;
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-ES' };

export function units(lang: Lang): Units {
  const formats = new Map<number, Intl.NumberFormat>();
  const number = (value: number, fractionDigits = 0) => {
    let format = formats.get(fractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
      formats.set(fractionDigits, format);
    }
    return format.format(value);
  };
  const fixed = (value: number, digits: number) =>
    new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

  return {
    number,
    bytes(bytes) {
      if (!Number.isFinite(bytes) || bytes < 0) return '–';
      if (bytes >= 1e12) return `${fixed(bytes / 1e12, 1)} TB`;
      if (bytes >= 1e9) return `${fixed(bytes / 1e9, 1)} GB`;
      if (bytes >= 1e6) return `${number(bytes / 1e6, bytes < 1e7 ? 1 : 0)} MB`;
      if (bytes >= 1e3) return `${number(bytes / 1e3, 0)} kB`;
      return `${number(bytes)} B`;
    },
    percent: (value, fractionDigits = 0) => `${number(value, fractionDigits)} %`,
    celsius: (value) => `${number(value, 1)} °C`,
    millivolts: (value) => `${number(value)} mV`,
    hertz: (value) => `${number(value, 1)} Hz`,
    dpi: (value) => `${number(value)} dpi`,
    pixels: (width, height) => `${number(width)} × ${number(height)} px`,
    dbm: (value) => `${number(value)} dBm`,
    mbps: (value) => `${number(value)} Mbit/s`,
    duration(seconds) {
      const total = Math.max(0, Math.floor(seconds));
      const days = Math.floor(total / 86_400);
      const hours = Math.floor((total % 86_400) / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      if (days > 0) return `${days} d ${hours} h`;
      if (hours > 0) return `${hours} h ${minutes} min`;
      return `${minutes} min`;
    },
  };
}
