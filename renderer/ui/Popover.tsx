import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

const GAP_PX = 6;
const EDGE_PX = 8;

/** Where the panel goes: under the trigger, its end edge on the trigger's end edge, inside the window. */
function place(trigger: HTMLElement, panel: HTMLElement): void {
  const rect = trigger.getBoundingClientRect();
  const rtl = getComputedStyle(trigger).direction === 'rtl';
  const width = panel.offsetWidth;
  const start = rtl ? rect.left : rect.right - width;
  const left = Math.min(Math.max(EDGE_PX, start), window.innerWidth - width - EDGE_PX);
  panel.style.left = `${Math.round(left)}px`;
  panel.style.top = `${Math.round(rect.bottom + GAP_PX)}px`;
}

/**
 * A panel that opens from a button (a menu, a status picker) on the native popover attribute: the
 * browser gives it the top layer, closes it on Escape or a click outside, and sets the button's
 * expanded state. Its content is mounted only while it is open, so a half-edited draft is dropped.
 */
export function Popover({
  label,
  trigger,
  triggerClassName = 'link',
  testId,
  children,
}: {
  label: string;
  trigger: ReactNode;
  triggerClassName?: string;
  testId?: string;
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const toggled = (event: Event) => {
      const opening = (event as ToggleEvent).newState === 'open';
      setOpen(opening);
      if (opening && triggerRef.current) place(triggerRef.current, panel);
    };
    panel.addEventListener('toggle', toggled);
    return () => panel.removeEventListener('toggle', toggled);
  }, []);
  useEffect(() => {
    if (open && triggerRef.current && panelRef.current) place(triggerRef.current, panelRef.current);
  }, [open]);
  const close = useCallback(() => document.getElementById(id)?.hidePopover(), [id]);
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={triggerClassName}
        popoverTarget={id}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid={testId}
      >
        {trigger}
      </button>
      <div ref={panelRef} id={id} popover="auto" role="dialog" aria-label={label} className="popover">
        {open && children(close)}
      </div>
    </>
  );
}
