/** Must equal electron-builder's appId: Windows ties toasts to the Start-menu shortcut's AppUserModelID. */
export const APP_USER_MODEL_ID = 'com.portico.desktop';
export const BRIDGE_CALL_CHANNEL = 'portico:call';
export const BRIDGE_EVENT_CHANNEL = 'portico:event';
