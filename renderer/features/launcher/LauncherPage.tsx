import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { PALETTE_SHORTCUT_LABEL } from './palette-shortcut.ts';
import { ToolRow } from './ToolRow.tsx';
import { ToolTile } from './ToolTile.tsx';
import { localized } from '../../i18n/localized.ts';
import { useToolLauncher } from './use-tool-launcher.ts';
import './launcher.css';
import { SearchField } from '../../ui/SearchField.tsx';

const SHELF = 8;
const ROW_HEIGHT = 60;

/** Every tool this user may launch: favourites, recent and most used on shelves, then all of them. */
export function LauncherPage() {
  const { t, i18n } = useTranslation();
  const tools = useCoreView('launcher.catalog', { refetchOn: 'launcher' });
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const { launch, message } = useToolLauncher();
  const language = i18n.language;

  const shelves = useMemo(() => {
    const list = tools ?? [];
    const used = list.filter((tool) => tool.usage.count > 0);
    return {
      favorites: list.filter((tool) => tool.favorite).slice(0, SHELF),
      recent: [...used].sort((a, b) => (b.usage.lastUsedAt ?? 0) - (a.usage.lastUsedAt ?? 0)).slice(0, SHELF),
      mostUsed: [...used].sort((a, b) => b.usage.count - a.usage.count).slice(0, SHELF),
    };
  }, [tools]);
  const all = useMemo(() => {
    const list = [...(tools ?? [])].sort(
      (a, b) =>
        localized(a.category, language).localeCompare(localized(b.category, language), language) ||
        localized(a.name, language).localeCompare(localized(b.name, language), language),
    );
    if (!query) return list;
    return list.filter((tool) =>
      [tool.name.en, tool.name['zh-CN'], tool.category.en, tool.category['zh-CN'], ...tool.keywords].some((text) =>
        text.toLowerCase().includes(query),
      ),
    );
  }, [tools, query, language]);

  const shelf = (key: 'favorites' | 'recent' | 'mostUsed', list: LauncherEntryView[]) =>
    list.length > 0 && !query ? (
      <section className="tool-shelf" aria-labelledby={`shelf-${key}`}>
        <h2 id={`shelf-${key}`}>{t(`launcher.${key}`)}</h2>
        <div className="tool-tiles">
          {list.map((tool) => (
            <ToolTile key={tool.id} tool={tool} onLaunch={() => launch(tool, 'catalog')} />
          ))}
        </div>
      </section>
    ) : null;

  return (
    <div className="launcher-page">
      <header className="launcher-head">
        <div>
          <h1>{t('launcher.title')}</h1>
          <p className="muted">{t('launcher.intro', { shortcut: PALETTE_SHORTCUT_LABEL })}</p>
        </div>
        <SearchField className="search" label={t('launcher.search')} value={filter} onChange={setFilter} />
      </header>
      {message}
      {tools === null && <p className="muted">{t('launcher.offlineEmpty')}</p>}
      {tools?.length === 0 && <p className="muted">{t('launcher.none')}</p>}
      {shelf('favorites', shelves.favorites)}
      {shelf('recent', shelves.recent)}
      {shelf('mostUsed', shelves.mostUsed)}
      {all.length > 0 && (
        <section className="tool-all" aria-labelledby="shelf-all">
          <h2 id="shelf-all">{t('launcher.all')}</h2>
          <VirtualList
            items={all}
            rowHeight={ROW_HEIGHT}
            getKey={(tool) => tool.id}
            label={t('launcher.all')}
            selectedKey={null}
            renderRow={(tool) => <ToolRow tool={tool} onLaunch={() => launch(tool, 'catalog')} />}
          />
        </section>
      )}
    </div>
  );
}
