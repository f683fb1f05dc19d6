import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { portico } from '../../bridge/portico.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { PaletteRow } from './PaletteRow.tsx';
import { launchErrorText, launchTool } from './launch-tool.ts';
import type { PaletteItem } from './palette-items.ts';
import { defaultSelection, searchPalette, suggestions } from './palette-search.ts';
import { usePaletteData } from './use-palette-data.ts';

/** Ctrl+K (Cmd+K) in the window; Electron also opens it from the global shortcut and the tray. */
export const isPaletteShortcut = (e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyK';

/** Set at the key press; the palette measures to its first frame on screen (`palette-open`). */
let openRequestedAt = 0;

/**
 * The command palette: tools, people, actions and waiting approvals behind one fuzzy search,
 * keyboard only (type, arrows, Enter, Esc). Its data is loaded ahead, so opening it is a render.
 */
export function CommandPalette({ chatEnabled }: { chatEnabled: boolean }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { items, recent } = usePaletteData(chatEnabled);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  /** The row the user moved to; null until they move, when the default (safe) row is selected. */
  const [active, setActive] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const input = useRef<HTMLInputElement>(null);
  const restoreFocus = useRef<Element | null>(null);

  const show = useCallback(() => {
    openRequestedAt = performance.now();
    restoreFocus.current = document.activeElement;
    setQuery('');
    setActive(null);
    setError(null);
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    if (restoreFocus.current instanceof HTMLElement) restoreFocus.current.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return;
      e.preventDefault();
      if (open) close();
      else show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, show, close]);
  useEffect(() => portico.on('palette.open', show), [show]);

  useLayoutEffect(() => {
    if (!open) return;
    input.current?.focus();
    const started = openRequestedAt;
    requestAnimationFrame(() => performance.measure('palette-open', { start: started, end: performance.now() }));
  }, [open]);

  const resultsFor = useCallback(
    (text: string) => (text.trim() === '' ? suggestions(items, recent) : searchPalette(items, text)),
    [items, recent],
  );
  // The list renders from a deferred query so typing never waits for it; Enter uses the query as
  // typed, so a fast "contracts⏎" opens Contracts and not whatever the list showed a moment before.
  const results = useMemo(() => resultsFor(deferred), [resultsFor, deferred]);

  const run = async (item: PaletteItem) => {
    if (item.unavailable) return setError(item.unavailable);
    void portico.call('palette.remember', { id: item.id });
    if (item.run.type === 'launch') {
      const outcome = await launchTool(item.run.toolId, 'palette');
      if (outcome.status === 'failed') return setError(launchErrorText(outcome, t));
    } else if (item.run.type === 'navigate') {
      navigate(item.run.route);
    } else {
      void portico.call('attendance.clockNext', {});
    }
    close();
  };

  if (!open) return null;
  const selected = active === null ? defaultSelection(results) : Math.min(active, results.length - 1);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') return close();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const from = selected === -1 ? (step === 1 ? -1 : 0) : selected;
      setActive((from + step + results.length) % Math.max(1, results.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const typed = deferred === query ? null : resultsFor(query);
      const chosen = typed ? typed[defaultSelection(typed)] : results[selected];
      if (chosen) void run(chosen);
    }
  };
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      {/* eslint-disable-next-line portico/use-ui-components -- a combobox surface with no heading, opened and closed by its own keys and shortcut */}
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={results[selected] ? `palette-${selected}` : undefined}
          aria-label={t('palette.placeholder')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
            setError(null);
          }}
        />
        {error && (
          <p className="palette-error" role="alert">
            {error}
          </p>
        )}
        <p className="palette-section" id="palette-heading">
          {deferred.trim() === '' ? t('palette.suggested') : t('palette.results')}
        </p>
        <ul id="palette-list" className="palette-list" role="listbox" aria-labelledby="palette-heading">
          {results.map((item, index) => (
            <PaletteRow
              key={item.id}
              id={`palette-${index}`}
              item={item}
              selected={index === selected}
              onHover={() => setActive(index)}
              onChoose={() => void run(item)}
            />
          ))}
        </ul>
        {results.length === 0 && deferred.trim() !== '' && (
          <p className="muted palette-empty">{t('palette.nothing', { query: deferred })}</p>
        )}
        <p className="palette-hint muted">{t('palette.hint')}</p>
      </div>
    </div>
  );
}
