import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
}

/**
 * A small modal: Escape or a click on the backdrop closes it, focus moves into it when it opens.
 * Drawn at the end of the page, not where it is declared: the panes it opens from are sticky or
 * size containers, which would keep it inside them (under the next pane, or as small as the pane).
 */
export function Dialog({ title, onClose, children, testId }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useRef(`dialog-${Math.random().toString(36).slice(2)}`).current;

  // A layout effect, not an effect: Escape pressed as soon as the dialog shows must close it (an
  // effect runs after the paint, so a quick Escape once went to nobody; a browser test saw it).
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const target = panel.current?.querySelector<HTMLElement>('[autofocus], input, textarea, select, button.btn--primary, button.btn--danger');
    (target ?? panel.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);

  return createPortal(
    <div
      class="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={panel} tabIndex={-1} data-testid={testId}>
        <h2 id={titleId} class="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    // In full screen only the full-screen element shows: a dialog of the Viewer opens there.
    document.fullscreenElement ?? document.body,
  );
}
