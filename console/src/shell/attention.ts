/**
 * Whether the technician is looking at the console, and desktop notifications for when they are not.
 * Notifications are asked for only after the technician says so (NotificationsPrompt), never on load.
 */

export type NotificationState = 'default' | 'granted' | 'denied' | 'unsupported';

/** The console is in another tab, minimised, or another window has the focus. */
export function isAway(): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus();
}

export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission as NotificationState;
}

export async function askForNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return (await Notification.requestPermission()) as NotificationState;
  } catch {
    return notificationState();
  }
}

/**
 * A desktop notification while the technician is away (nothing when they are looking, or when not
 * allowed); a click brings the console to the front and runs `onClick`. `tag` replaces an earlier
 * notification of the same thing instead of piling them up.
 */
export function notifyWhileAway(title: string, body: string, tag: string, onClick?: () => void): void {
  if (notificationState() !== 'granted' || !isAway()) return;
  try {
    const notification = new Notification(title, { body: body.length > 180 ? `${body.slice(0, 177)}…` : body, tag });
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
  } catch {
    // some browsers allow notifications only from a service worker; the title count still tells
  }
}
