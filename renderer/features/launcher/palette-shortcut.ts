/** How the shortcuts read on screen (Electron registers Ctrl+Alt+Space system-wide; Ctrl+K works in the window). */
export const PALETTE_SHORTCUT_LABEL = 'Ctrl+K';
