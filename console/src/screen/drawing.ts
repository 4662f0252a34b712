/**
 * The arithmetic of the Viewer's drawing tools (issue 18.7, docs/drawing.md): where a mouse position
 * on noVNC's canvas is on the phone's own screen, how a long pen stroke is cut down to what the server
 * takes, and the laser pointer's pace. No DOM here, so it is tested on its own.
 */

/** A point in the phone's screen pixels, as the server and the phone take it. */
export type PhonePoint = [number, number];

export interface Size {
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** At most 20 pointer positions a second (the server takes 30 a session, strokes included). */
export const POINTER_INTERVAL_MS = 50;
/** The most points a stroke may carry (protocol Limits.DRAWING_POINTS). */
export const STROKE_POINTS = 200;

/**
 * Where the mouse at (clientX, clientY) is on the phone's screen, or null outside the phone's picture.
 * `box` is the canvas on the page (noVNC scales it), `frame` its own pixels (the frame the phone sends),
 * and `phone` the phone's screen: the phone draws itself into the frame scaled down to fit, never
 * enlarged, centred (agent ScreenGeometry.fitted).
 */
export function phonePoint(clientX: number, clientY: number, box: Box, frame: Size, phone: Size): PhonePoint | null {
  if (box.width <= 0 || box.height <= 0 || frame.width <= 0 || frame.height <= 0 || phone.width <= 0 || phone.height <= 0) {
    return null;
  }
  const frameX = ((clientX - box.left) * frame.width) / box.width;
  const frameY = ((clientY - box.top) * frame.height) / box.height;
  const scale = Math.min(frame.width / phone.width, frame.height / phone.height, 1);
  const x = Math.floor((frameX - (frame.width - phone.width * scale) / 2) / scale);
  const y = Math.floor((frameY - (frame.height - phone.height * scale) / 2) / scale);
  if (x < 0 || y < 0 || x >= phone.width || y >= phone.height) return null;
  return [x, y];
}

/**
 * A stroke the server takes: repeated points dropped, and a long one sampled evenly down to `max`
 * points, its first and last kept. Null when fewer than two distinct points are left (a click).
 */
export function strokePoints(points: PhonePoint[], max = STROKE_POINTS): PhonePoint[] | null {
  const distinct = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  if (distinct.length < 2) return null;
  if (distinct.length <= max) return distinct;
  const sampled: PhonePoint[] = [];
  for (let i = 0; i < max; i++) {
    sampled.push(distinct[Math.round((i * (distinct.length - 1)) / (max - 1))]);
  }
  return sampled;
}

/**
 * The laser pointer's pace: a move is sent at once when the last one left at least `interval` ago,
 * otherwise the newest waits for its turn (so the pointer always ends where the mouse stopped).
 */
export class PointerPace {
  private last = -Infinity;
  private waiting: PhonePoint | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly interval: number,
    private readonly send: (point: PhonePoint) => void,
  ) {}

  move(point: PhonePoint, now: number): void {
    if (this.waiting && this.waiting[0] === point[0] && this.waiting[1] === point[1]) return;
    const wait = this.last + this.interval - now;
    if (wait <= 0 && !this.timer) {
      this.last = now;
      this.send(point);
      return;
    }
    this.waiting = point;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        const next = this.waiting;
        this.waiting = null;
        if (next) {
          this.last = this.last + this.interval;
          this.send(next);
        }
      }, Math.max(0, wait));
    }
  }

  /** Drops a waiting move (the tool was put away). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = null;
  }
}
