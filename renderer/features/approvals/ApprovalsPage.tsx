import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../../../shared/domain/approvals/form.ts';
import type { UserProfile } from '../../../shared/domain/user.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { BatchApproveBar } from './BatchApproveBar.tsx';
import { DoneRow, MineRow, WaitingRow } from './InboxRows.tsx';
import { NewRequestForm } from './NewRequestForm.tsx';
import { OutOfOfficePanel } from './OutOfOfficePanel.tsx';
import { RequestDetailPane } from './RequestDetailPane.tsx';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { localized } from '../../i18n/localized.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';

type Tab = 'waiting' | 'mine' | 'done';
const ROW_HEIGHT = 64;

/**
 * The one inbox for every workflow: waiting for me (oldest first, with its SLA), submitted by me,
 * and done; a detail pane beside the list; a new request form; out-of-office with a proxy.
 */
export function ApprovalsPage({ user }: { user: UserProfile }) {
  const { t, i18n } = useTranslation();
  const { route, navigate } = useNavigation();
  const inbox = useCoreView('approvals.inbox', { refetchOn: 'approvals' });
  const [tab, setTab] = useState<Tab>('waiting');
  const [templateFilter, setTemplateFilter] = useState('');
  const [panel, setPanel] = useState<'none' | 'new' | 'away'>('none');
  const [draft, setDraft] = useState<{ templateKey: string; values: FormValues } | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const open = (requestId: string) => {
    setPanel('none');
    navigate(`approvals/${requestId}`);
  };

  const language = i18n.language;
  const templates = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of [...(inbox?.pending ?? []), ...(inbox?.mine ?? []), ...(inbox?.done ?? [])]) {
      seen.set(row.templateKey, localized(row.templateName, language));
    }
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], language));
  }, [inbox, language]);
  if (!inbox) return null;
  const keep = <T extends { templateKey: string }>(rows: T[]) =>
    templateFilter ? rows.filter((r) => r.templateKey === templateFilter) : rows;
  const lists = { waiting: keep(inbox.pending), mine: keep(inbox.mine), done: keep(inbox.done) };
  const empty = { waiting: 'approvals.empty', mine: 'approvals.emptyMine', done: 'approvals.emptyDone' } as const;
  const selected = lists.waiting.filter((task) => selection.has(task.id));
  const select = (taskId: string, on: boolean) =>
    setSelection((current) => {
      const next = new Set(current);
      if (on) next.add(taskId);
      else next.delete(taskId);
      return next;
    });
  /** After a decision the next waiting request opens (the one below, else the one above), as a mail client does. */
  const openNext = (decided: string) => {
    const at = lists.waiting.findIndex((task) => task.requestId === decided);
    const next = at < 0 ? undefined : (lists.waiting[at + 1] ?? lists.waiting[at - 1]);
    if (next) open(next.requestId);
    else navigate('approvals');
  };

  return (
    <div className="approvals">
      <div className="approvals-toolbar">
        <h1>{t('approvals.title')}</h1>
        <div className="toolbar-end">
          <button className={inbox.outOfOffice ? 'secondary away-on' : 'secondary'} onClick={() => setPanel('away')}>
            {t('approvals.away.button')}
          </button>
          <Button
            variant="primary"
            onClick={() => {
              setDraft(null);
              setPanel('new');
            }}
          >
            {t('approvals.newRequest')}
          </Button>
        </div>
      </div>
      <div className="approvals-split">
        <div className="inbox-column">
          <div className="tabs" role="tablist">
            {(['waiting', 'mine', 'done'] as const).map((key) => (
              <button
                key={key}
                role="tab"
                aria-selected={tab === key}
                className={tab === key ? 'tab active' : 'tab'}
                onClick={() => setTab(key)}
              >
                {t(`approvals.tabs.${key}`)}
                {key === 'waiting' && (
                  <span className="tab-count" data-testid="waiting-count">
                    {inbox.pending.length}
                  </span>
                )}
              </button>
            ))}
          </div>
          <label className="filter">
            <span className="visually-hidden">{t('approvals.filterByTemplate')}</span>
            <select
              value={templateFilter}
              onChange={(e) => setTemplateFilter(e.target.value)}
              aria-label={t('approvals.filterByTemplate')}
            >
              <option value="">{t('approvals.allTemplates')}</option>
              {templates.map(([key, name]) => (
                <option key={key} value={key}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {tab === 'waiting' && (
            <BatchApproveBar
              tasks={selected}
              onClear={() => setSelection(new Set())}
              onSettled={(approved) =>
                setSelection((current) => new Set([...current].filter((taskId) => !approved.includes(taskId))))
              }
            />
          )}
          {lists[tab].length === 0 ? (
            <EmptyState title={t(empty[tab])} />
          ) : tab === 'waiting' ? (
            <VirtualList
              items={lists.waiting}
              rowHeight={ROW_HEIGHT}
              label={t('approvals.tabs.waiting')}
              getKey={(task) => task.requestId}
              selectedKey={route.itemId}
              renderRow={(task) => (
                <WaitingRow
                  task={task}
                  now={now}
                  onOpen={open}
                  selected={selection.has(task.id)}
                  onSelect={(on) => select(task.id, on)}
                />
              )}
            />
          ) : tab === 'mine' ? (
            <VirtualList
              items={lists.mine}
              rowHeight={ROW_HEIGHT}
              label={t('approvals.tabs.mine')}
              getKey={(request) => request.id}
              selectedKey={route.itemId}
              renderRow={(request) => <MineRow request={request} onOpen={open} />}
            />
          ) : (
            <VirtualList
              items={lists.done}
              rowHeight={ROW_HEIGHT}
              label={t('approvals.tabs.done')}
              getKey={(done) => done.taskId}
              selectedKey={null}
              renderRow={(done) => <DoneRow done={done} onOpen={open} />}
            />
          )}
        </div>
        <div className="detail-column">
          {panel === 'away' ? (
            <OutOfOfficePanel current={inbox.outOfOffice} meId={user.id} onClose={() => setPanel('none')} />
          ) : panel === 'new' || route.itemId === 'new' ? (
            <NewRequestForm
              key={route.itemId === 'new' ? `link:${route.template ?? ''}` : 'panel'}
              initial={draft ?? (route.itemId === 'new' && route.template ? { templateKey: route.template, values: {} } : null)}
              onCancel={() => {
                setPanel('none');
                if (route.itemId === 'new') navigate('approvals');
              }}
              onDone={(requestId) => {
                setTab('mine');
                if (requestId) open(requestId);
                else setPanel('none');
              }}
            />
          ) : route.itemId ? (
            <RequestDetailPane
              key={route.itemId}
              requestId={route.itemId}
              meId={user.id}
              onDecided={() => openNext(route.itemId!)}
              onResubmit={(detail) => {
                setDraft({ templateKey: detail.templateKey, values: detail.values });
                setPanel('new');
              }}
            />
          ) : (
            <EmptyState title={t('approvals.selectPrompt')} />
          )}
        </div>
      </div>
    </div>
  );
}
