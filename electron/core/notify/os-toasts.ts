import type { ToastView } from '../../../shared/bridge/views.ts';

/** A shell's way to raise an OS notification for a toast no page will show. */
export interface OsToasts {
  /** Whether the OS should show toasts now: no page of the app is in view. */
  wanted(): boolean;
  show(toast: ToastView): void;
}
