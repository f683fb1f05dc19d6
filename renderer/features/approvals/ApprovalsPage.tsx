import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../../app/format.ts';
import { useCoreView } from '../../app/use-bridge.ts';

/** The foundation's inbox: what waits for me, oldest first. Deciding arrives with the approvals workflow. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const tasks = useCoreView('approvals.listPending', { refetchOn: 'approvals' });
  // Ages are relative to when the page opened; a minute's drift does not matter for "2 hours ago".
  const [now] = useState(() => Date.now());
  if (!tasks) return null;
  return (
    <div>
      <h1>{t('approvals.title')}</h1>
      {tasks.length === 0 && <p className="muted">{t('approvals.empty')}</p>}
      <ul className="list">
        {tasks.map((task) => (
          <li key={task.id} className="list-item">
            <div className="list-item-head">
              <span className="badge">{t(`approvals.template.${task.templateKey}`, { defaultValue: task.templateKey })}</span>
              <strong>{task.title}</strong>
            </div>
            <span className="muted small">
              {t('approvals.submittedBy', { name: task.submitterName, age: formatAge(task.submittedAt, now, t) })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
