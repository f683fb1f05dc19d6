import { useEffect } from 'react';
import { portico } from '../../bridge/portico.ts';

/** Ctrl+Alt+K clocks in or out. In Electron the main process registers it system-wide as well. */
export const CLOCK_SHORTCUT_LABEL = 'Ctrl+Alt+K';

export const isClockShortcut = (e: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'code'>): boolean =>
  e.ctrlKey && e.altKey && !e.shiftKey && !e.metaKey && e.code === 'KeyK';

/** While the window has focus, the shortcut clocks the next kind and shows the result where the app shows toasts. */
export function useClockShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isClockShortcut(e)) return;
      e.preventDefault();
      void portico.call('attendance.clockNext', {});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
