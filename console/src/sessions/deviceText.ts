import type { Device } from '../api/types';
import type { Translate } from '../i18n/translate';

function capitalise(word: string): string {
  return word ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word;
}

/** "Samsung SM-S918B"; the model alone when it already names the maker; '' when unknown. */
export function phoneName(device: Device | null | undefined): string {
  if (!device) return '';
  const maker = (device.manufacturer ?? '').trim();
  const model = (device.model ?? '').trim();
  if (!maker) return model;
  if (!model) return capitalise(maker);
  return model.toLowerCase().startsWith(maker.toLowerCase()) ? model : `${capitalise(maker)} ${model}`;
}

/**
 * The customer's device as the reader says it: the phone's name, or "Web browser (Chrome)" for a
 * customer chatting from a web page (the browser sends its name as the model, in no language).
 */
export function deviceName(device: Device | null | undefined, t: Translate): string {
  if (device?.profile === 'web') {
    const browser = (device.model ?? '').trim();
    return browser && browser !== 'Unknown' ? t('device.browser', { browser }) : t('device.browserUnknown');
  }
  return phoneName(device);
}
