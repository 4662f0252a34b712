import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../ui/Icon';

/**
 * The pieces of the Viewer's toolbar. A group is a run of related buttons with a divider before it
 * (`data-group` names it for tests and styles); a ToolButton shows its icon and label, and only the
 * icon when the Viewer is narrow (a container query), with the label as tooltip and accessible name.
 * To add a control to the Viewer: put a ToolButton (or a small menu) into a group, or a new ToolGroup.
 */
export function ToolGroup({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="tool-group" data-group={name}>
      {children}
    </div>
  );
}

interface ButtonProps {
  icon?: IconName;
  /** Short text drawn instead of an icon (e.g. "1:1"). */
  text?: string;
  label: string;
  /** A longer explanation for the tooltip; the label otherwise. */
  title?: string;
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  /** A toggle that is on (aria-pressed). */
  pressed?: boolean;
  primary?: boolean;
  /** The label is never drawn, only the icon (zoom − and +). */
  iconOnly?: boolean;
  /** Drawn without a frame (the window controls in the Viewer's title bar). */
  ghost?: boolean;
  shortcut?: string;
}

export function ToolButton({ icon, text, label, title, testId, onClick, disabled, pressed, primary, iconOnly, ghost, shortcut }: ButtonProps) {
  const tooltip = [title ?? label, shortcut ? `(${shortcut})` : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      class={`btn btn--small tool${primary ? ' btn--primary' : ghost ? ' btn--ghost' : ' btn--secondary'}${pressed ? ' tool--pressed' : ''}${iconOnly ? ' tool--icon-only' : ''}`}
      data-testid={testId}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-label={label}
      title={tooltip}
      disabled={disabled}
      onClick={onClick}
    >
      {icon && <Icon name={icon} size={16} />}
      {text && <span class="tool__text" aria-hidden="true">{text}</span>}
      {!iconOnly && !text && <span class="tool__label">{label}</span>}
    </button>
  );
}
