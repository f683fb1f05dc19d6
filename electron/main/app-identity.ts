/** Must equal electron-builder's appId: Windows ties toasts to the Start-menu shortcut's AppUserModelID. */
export const APP_USER_MODEL_ID = 'com.portico.desktop';
export const BRIDGE_CALL_CHANNEL = 'portico:call';
export const BRIDGE_EVENT_CHANNEL = 'portico:event';
/**
 * The COM class Windows activates when a toast's button is pressed while the app is not running;
 * the MSI puts it on the Start-menu shortcut (System.AppUserModel.ToastActivatorCLSID). Fixed for
 * the life of the product: changing it orphans the toasts of every installed copy.
 */
export const TOAST_ACTIVATOR_CLSID = '7D3A2C55-8B1E-4F6A-9C0D-2E5B7A41C9F8';
