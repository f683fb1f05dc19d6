import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchToastCall, toastEffect } from '../../shared/bridge/toast-actions.ts';
import type { ToastView } from '../../shared/bridge/views.ts';
import { portico } from '../bridge/portico.ts';
import { useNavigation } from './navigation.tsx';
import { UserText } from '../ui/UserText.tsx';
import { Button } from '../ui/Button.tsx';

const SHOWN_MS = 8000;
const MAX_VISIBLE = 3;

/**
 * Core's toasts inside the window (top-end corner, with their buttons). The OS notification is
 * core's decision, made once: Electron's main process shows every toast, and the browser host
 * shows one through the OS only while no page is in view (electron/browser-host/os-notifications.ts),
 * so the page never repeats it.
 */
export function ToastCenter() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const [toasts, setToasts] = useState<ToastView[]>([]);
  // A toast is written in the language of the moment it was shown: after a switch it would be the
  // one line in another language, so it steps aside (its item waits in its list; urgent notices
  // come back, in the new language, until they are acknowledged).
  const [shownIn, setShownIn] = useState(i18n.language);
  if (shownIn !== i18n.language) {
    setShownIn(i18n.language);
    setToasts([]);
  }
  useEffect(
    () =>
      portico.on('toast', (toast) => {
        setToasts((current) => [toast, ...current.filter((c) => c.id !== toast.id)].slice(0, MAX_VISIBLE));
        // An urgent toast stays until it is acted on or closed; the others step aside after a while.
        if (!toast.urgent) setTimeout(() => setToasts((current) => current.filter((c) => c.id !== toast.id)), SHOWN_MS);
      }),
    [],
  );
  const dismiss = (id: string) => setToasts((current) => current.filter((c) => c.id !== id));
  // The same table as the OS toasts' buttons (shared/bridge/toast-actions.ts).
  const act = async (toast: ToastView, action: ToastView['actions'][number]['id']) => {
    dismiss(toast.id);
    const effect = toastEffect(action, toast.taskId);
    if (effect.call)
      await dispatchToastCall(effect.call, {
        'approvals.decide': (params) => portico.call('approvals.decide', params),
        'attendance.clock': (params) => portico.call('attendance.clock', params),
      });
    if (effect.open) navigate(toast.route);
  };
  return (
    <div className="toast-stack" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status" data-kind={toast.kind}>
          <strong>
            <UserText>{toast.title}</UserText>
          </strong>
          <span className="small toast-body">{toast.body}</span>
          <div className="toast-actions">
            {toast.actions.map((action) => (
              <button
                key={action.id}
                className={action.id === 'open' ? 'secondary small' : 'primary small'}
                onClick={() => void act(toast, action.id)}
              >
                {action.label}
              </button>
            ))}
            <Button variant="link" className="small" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              ✕
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
