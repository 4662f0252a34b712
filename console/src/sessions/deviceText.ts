import type { Device } from '../api/types';

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
