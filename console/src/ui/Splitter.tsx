import { useRef } from 'preact/hooks';

interface Props {
  /** What the splitter resizes, for screen readers ("Resize the side column"). */
  label: string;
  /** The width of the pane now, in CSS pixels. */
  value: number;
  min: number;
  max: number;
  /**
   * +1 when dragging right makes the pane wider (the pane is on the splitter's left), -1 when it
   * makes it narrower (the pane is on the right).
   */
  direction: 1 | -1;
  onResize: (width: number) => void;
  /** Double-click or Enter: back to the layout's own width. */
  onReset?: () => void;
  testId?: string;
}

const STEP = 24;

/**
 * A vertical bar between two panes, dragged with the mouse or moved with the arrow keys (Home/End
 * for the limits, Enter to reset): an ARIA window splitter, focusable and visible when focused.
 */
export function Splitter({ label, value, min, max, direction, onResize, onReset, testId }: Props) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const clamp = (width: number) => Math.round(Math.min(max, Math.max(min, width)));

  return (
    <div
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        start.current = { x: e.clientX, width: value };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        onResize(clamp(start.current.width + direction * (e.clientX - start.current.x)));
      }}
      onPointerUp={(e) => {
        start.current = null;
        (e.currentTarget as HTMLElement).releasePointerCapture?.(e.pointerId);
      }}
      onPointerCancel={() => {
        start.current = null;
      }}
      onDblClick={() => onReset?.()}
      onKeyDown={(e) => {
        const step = e.shiftKey ? STEP * 4 : STEP;
        if (e.key === 'ArrowLeft') onResize(clamp(value - direction * step));
        else if (e.key === 'ArrowRight') onResize(clamp(value + direction * step));
        else if (e.key === 'Home') onResize(direction > 0 ? min : max);
        else if (e.key === 'End') onResize(direction > 0 ? max : min);
        else if (e.key === 'Enter' && onReset) onReset();
        else return;
        e.preventDefault();
      }}
    />
  );
}
