/** How big the Viewer draws the phone's screen: fitted into the stage, or a fixed scale (1 = 1:1). */
export type Zoom = 'fit' | number;

/** The zoom steps of the − and + buttons. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2] as const;

/** The next step up (+1) or down (-1) from the scale shown now (also from "fit", whatever it works out to). */
export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + 0.005) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  const smaller = ZOOM_STEPS.filter((step) => step < current - 0.005);
  return smaller.length > 0 ? smaller[smaller.length - 1] : ZOOM_STEPS[0];
}
