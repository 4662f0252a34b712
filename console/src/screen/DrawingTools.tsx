import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { ScreenState } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';
import { POINTER_INTERVAL_MS, PointerPace, phonePoint, strokePoints, type PhonePoint } from './drawing';
import { ToolButton, ToolGroup } from './ViewerToolbar';

export type DrawTool = 'pointer' | 'pen';

/** How long a refused drawing keeps the next refusals quiet (a pointer is refused 20 times a second). */
const QUIET_MS = 3000;

/**
 * Point and draw on the customer's screen (issue 18.7, docs/drawing.md): the laser pointer and the
 * pen of the Viewer. Both are off until chosen; while one is on, the mouse over the picture draws
 * instead of tapping the phone (the events are stopped before noVNC sees them). The pointer sends
 * where the mouse is, at most 20 times a second; the pen sends each press-drag-release as one stroke.
 * The phone draws them into its screen, so they come back in the picture and fade there.
 */
export function useDrawingTools(id: string, screen: ScreenState | undefined, live: boolean, target: RefObject<HTMLDivElement>) {
  const { t } = useI18n();
  const toast = useToast();
  const [tool, setTool] = useState<DrawTool | null>(null);
  const quietUntil = useRef(0);
  const surface = screen?.drawings ?? null;
  const usable = live && screen?.status === 'sharing' && !!surface && !surface.hidden;

  useEffect(() => {
    if (!usable) setTool(null);
  }, [usable]);

  useEffect(() => {
    const element = target.current;
    if (!element || !tool || !surface) return undefined;
    const phone = { width: surface.width, height: surface.height };
    const refused = (e: unknown) => {
      if (Date.now() < quietUntil.current) return;
      quietUntil.current = Date.now() + QUIET_MS;
      toast(t('viewer.draw.refused', { reason: errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }) }), 'error');
    };
    const send = (kind: 'pointer' | 'stroke', points: PhonePoint[]) => api.draw(id, kind, points).catch(refused);
    // One pointer position in flight at a time, the newest waiting: separate requests could arrive out
    // of order and make the pointer jump back; a slow link gets fewer positions, never stale ones.
    let inFlight = false;
    let next: PhonePoint | null = null;
    const sendPointer = (point: PhonePoint) => {
      if (inFlight) {
        next = point;
        return;
      }
      inFlight = true;
      void send('pointer', [point]).finally(() => {
        inFlight = false;
        const waiting = next;
        next = null;
        if (waiting) sendPointer(waiting);
      });
    };
    const onPhone = (event: MouseEvent): PhonePoint | null => {
      const canvas = element.querySelector('canvas');
      if (!canvas) return null;
      const box = canvas.getBoundingClientRect();
      return phonePoint(event.clientX, event.clientY, box, { width: canvas.width, height: canvas.height }, phone);
    };
    const pace = new PointerPace(POINTER_INTERVAL_MS, sendPointer);
    let stroke: PhonePoint[] | null = null;
    // Capture phase on the picture: noVNC listens on its canvas below, so it never sees these.
    const block = (event: Event) => {
      event.stopPropagation();
      event.preventDefault();
    };
    const drag = (event: MouseEvent) => {
      const point = stroke && onPhone(event);
      if (point) stroke!.push(point);
    };
    const release = () => {
      window.removeEventListener('mousemove', drag, true);
      window.removeEventListener('mouseup', release, true);
      const points = stroke && strokePoints(stroke);
      stroke = null;
      if (points) void send('stroke', points);
    };
    const down = (event: MouseEvent) => {
      block(event);
      if (tool !== 'pen' || event.button !== 0) return;
      const point = onPhone(event);
      stroke = point ? [point] : [];
      window.addEventListener('mousemove', drag, true);
      window.addEventListener('mouseup', release, true);
    };
    const move = (event: MouseEvent) => {
      block(event);
      if (tool !== 'pointer') return;
      const point = onPhone(event);
      if (point) pace.move(point, performance.now());
    };
    const others = ['mouseup', 'click', 'dblclick', 'contextmenu', 'wheel', 'touchstart'] as const;
    element.addEventListener('mousedown', down, true);
    element.addEventListener('mousemove', move, true);
    others.forEach((name) => element.addEventListener(name, block, true));
    element.classList.add('viewer__screen--drawing');
    element.dataset.drawTool = tool;
    return () => {
      pace.stop();
      release();
      element.removeEventListener('mousedown', down, true);
      element.removeEventListener('mousemove', move, true);
      others.forEach((name) => element.removeEventListener(name, block, true));
      element.classList.remove('viewer__screen--drawing');
      delete element.dataset.drawTool;
    };
  }, [id, tool, surface?.width, surface?.height]);

  return { tool, setTool, usable, surface };
}

const TOOLS = [
  { tool: 'pointer', icon: 'pointer', label: 'viewer.draw.pointer', hint: 'viewer.draw.pointerHint' },
  { tool: 'pen', icon: 'pen', label: 'viewer.draw.pen', hint: 'viewer.draw.penHint' },
] as const;

interface ToolsProps {
  tool: DrawTool | null;
  setTool: (tool: DrawTool | null) => void;
  usable: boolean;
  /** The phone said it can show drawings (null while not shared, or on a phone that cannot). */
  available: boolean;
}

/** The two tool buttons, next to the control tools; pressing the pressed one puts it away. */
export function DrawingTools({ tool, setTool, usable, available }: ToolsProps) {
  const { t } = useI18n();
  const unavailable = !available ? t('viewer.draw.unavailable') : undefined;
  const toggle = (which: DrawTool) => setTool(tool === which ? null : which);
  return (
    <ToolGroup name="draw">
      {TOOLS.map(({ tool: which, icon, label, hint }) => (
        <ToolButton
          key={which}
          icon={icon}
          label={t(label)}
          title={unavailable ?? t(hint)}
          testId={`draw-${which}`}
          pressed={tool === which}
          disabled={!usable}
          onClick={() => toggle(which)}
        />
      ))}
    </ToolGroup>
  );
}

/** "The customer hid drawings", in the Viewer's title bar while they are hidden. */
export function DrawingsHiddenBadge({ screen }: { screen: ScreenState | undefined }) {
  const { t } = useI18n();
  if (screen?.status !== 'sharing' || !screen.drawings?.hidden) return null;
  return (
    <span class="badge badge--warning" data-testid="drawings-hidden">
      {t('viewer.draw.hidden')}
    </span>
  );
}
