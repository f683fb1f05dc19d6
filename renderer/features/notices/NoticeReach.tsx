import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import type { PublishedNotice, ReachCounts } from '../../../shared/domain/notices/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { portico } from '../../bridge/portico.ts';
import { useCall } from './use-notices.ts';
import { UserText, isolated } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

function Meter({ label, value, total, testId }: { label: string; value: number; total: number; testId: string }) {
  const { t } = useTranslation();
  const pct = percent(value, total);
  return (
    <div className="meter" data-testid={testId}>
      <div className="meter-head">
        <span>{label}</span>
        <span className="meter-figure">{t('notices.reach.figure', { value, total, percent: pct })}</span>
      </div>
      <div className="meter-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={value}>
        <span style={{ inlineSize: `${pct}%` }} />
      </div>
    </div>
  );
}

function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * One sent notice's reach, live: delivered, read and acknowledged overall and per department (the
 * server pushes new numbers as they change), who has not, and "remind only them".
 */
export function NoticeReach({
  notice,
  onEdit,
  onChanged,
}: {
  notice: PublishedNotice;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  // One read for every number and name on the page, fetched again when the server pushes new numbers.
  const { value: reach, reload } = useCall('notices.reach', { noticeId: notice.id }, 'noticeStats');
  const stats = reach?.stats ?? null;
  const stragglers = reach?.stragglers ?? null;
  const [outcome, setOutcome] = useState<{
    kind: 'remind' | 'withdraw' | 'export';
    result: ActionOutcome | { status: 'failed'; message: string };
  } | null>(null);
  const counts: ReachCounts = stats ?? notice.reach;
  const remind = async () => {
    const result = await portico.call('notices.remind', { noticeId: notice.id });
    setOutcome({ kind: 'remind', result });
    reload();
  };
  const withdraw = async () => {
    if (!window.confirm(t('notices.reach.withdrawConfirm', { title: isolated(notice.title) }))) return;
    setOutcome({ kind: 'withdraw', result: await portico.call('notices.withdraw', { noticeId: notice.id }) });
    onChanged();
  };
  const exportCsv = async () => {
    const result = await portico.call('notices.exportCsv', { noticeId: notice.id });
    if (result.ok) downloadCsv(result.fileName, result.csv);
    else setOutcome({ kind: 'export', result: { status: 'failed', message: result.code } });
  };
  const live = notice.status === 'live';
  return (
    <section className="notice-reach" aria-labelledby="reach-title">
      <header className="detail-head">
        <h2 id="reach-title" dir="auto">
          {notice.title}
        </h2>
        <p className="muted small">
          {notice.status === 'scheduled' && notice.publishAt !== null
            ? t('notices.reach.scheduledFor', { time: formatDateTime(notice.publishAt, i18n.language) })
            : t(`notices.status.${notice.status}`)}
        </p>
      </header>
      {live && (
        <>
          <div className="meters">
            <Meter label={t('notices.reach.delivered')} value={counts.delivered} total={counts.total} testId="meter-delivered" />
            <Meter label={t('notices.reach.read')} value={counts.read} total={counts.total} testId="meter-read" />
            {notice.requiresAck && (
              <Meter
                label={t('notices.reach.acknowledged')}
                value={counts.acknowledged}
                total={counts.total}
                testId="meter-acked"
              />
            )}
          </div>
          {stats && stats.departments.length > 0 && (
            <table className="reach-table">
              <thead>
                <tr>
                  <th scope="col">{t('notices.reach.department')}</th>
                  <th scope="col">{t('notices.reach.recipients')}</th>
                  <th scope="col">{t('notices.reach.read')}</th>
                  {notice.requiresAck && <th scope="col">{t('notices.reach.acknowledged')}</th>}
                </tr>
              </thead>
              <tbody>
                {stats.departments.map((d) => (
                  <tr key={d.departmentId ?? '-'}>
                    <th scope="row">{d.departmentName ?? t('notices.reach.noDepartment')}</th>
                    <td>{d.total}</td>
                    <td>{percent(d.read, d.total)}%</td>
                    {notice.requiresAck && <td>{percent(d.acknowledged, d.total)}%</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>
            {t(notice.requiresAck ? 'notices.reach.notAcknowledged' : 'notices.reach.notRead', {
              count: stragglers?.length ?? 0,
            })}
          </h3>
          <ul className="stragglers" data-testid="stragglers">
            {(stragglers ?? []).slice(0, 200).map((s) => (
              <li key={s.userId}>
                <UserText>{s.name}</UserText>
                <span className="muted small">
                  {s.departmentName ? ` · ${s.departmentName}` : ''}
                  {s.readAt !== null
                    ? ` · ${t('notices.reach.readNotAcked')}`
                    : !s.delivered
                      ? ` · ${t('notices.reach.notDelivered')}`
                      : ''}
                  {s.reminders > 0 ? ` · ${t('notices.reach.reminded', { count: s.reminders })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome && (
        <p className={outcome.result.status === 'failed' ? 'error' : 'muted'} role="status" data-testid="reach-outcome">
          {outcome.result.status === 'failed'
            ? outcome.kind === 'remind' && 'code' in outcome.result && outcome.result.code === 'too_soon'
              ? t('notices.reach.tooSoon')
              : t('common.actionFailed', { message: outcome.result.message })
            : outcome.kind === 'remind'
              ? t('notices.reach.remindSent')
              : outcome.kind === 'withdraw'
                ? t('notices.reach.withdrawn')
                : ''}
        </p>
      )}
      <div className="form-actions">
        {live && (
          <Button variant="primary" data-testid="remind" disabled={(stragglers?.length ?? 0) === 0} onClick={() => void remind()}>
            {t('notices.reach.remind', { count: stragglers?.length ?? 0 })}
          </Button>
        )}
        {live && (
          <Button variant="secondary" onClick={() => void exportCsv()}>
            {t('notices.reach.export')}
          </Button>
        )}
        {notice.status !== 'withdrawn' && (
          <Button variant="secondary" onClick={onEdit}>
            {t('notices.reach.edit')}
          </Button>
        )}
        {notice.status !== 'withdrawn' && (
          <Button variant="danger-outline" onClick={() => void withdraw()}>
            {t('notices.reach.withdraw')}
          </Button>
        )}
      </div>
    </section>
  );
}
