import { matchSorter } from 'match-sorter';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind } from '../../../shared/domain/chat/index.ts';
import { portico } from '../../bridge/portico.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { chatError } from './chat-errors.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { Button } from '../../ui/Button.tsx';

/** Start a direct chat, a group or (for the roles allowed) an announcement channel. */
export function NewConversation({
  me,
  onCreated,
  onClose,
}: {
  me: string;
  onCreated: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const people = useCoreView('directory.people');
  const policy = useCoreView('chat.policy');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ConversationKind>('group');
  const [problem, setProblem] = useState<string | null>(null);
  const others = useMemo(() => (people ?? []).filter((p) => p.id !== me), [people, me]);
  const shown = useMemo(
    () =>
      (query.trim()
        ? matchSorter(others, query.trim(), { keys: ['name', 'pinyin', 'initials', 'departmentName'] })
        : others
      ).slice(0, 50),
    [others, query],
  );
  const effectiveKind: ConversationKind = picked.length === 1 && kind === 'group' ? 'direct' : kind;
  const create = async () => {
    setProblem(null);
    const outcome = await portico.call('chat.create', { kind: effectiveKind, title: title.trim() || null, memberIds: picked });
    if (outcome.status === 'failed') return setProblem(chatError(outcome, t));
    if (outcome.status === 'done' && outcome.conversationId) onCreated(outcome.conversationId);
    else onClose(); // queued offline: it appears when the server has it
  };
  return (
    <Dialog
      title={t('chat.new')}
      onClose={onClose}
      className="new-chat"
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" disabled={picked.length === 0} onClick={() => void create()}>
            {t('chat.create', { count: picked.length + 1 })}
          </Button>
        </>
      }
    >
      {policy?.mayCreateChannels && (
        <Field label={t('chat.kindLabel')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as ConversationKind)}>
            <option value="group">{t('chat.kindOption.group')}</option>
            <option value="channel">{t('chat.kindOption.channel')}</option>
          </select>
        </Field>
      )}
      {(picked.length > 1 || kind === 'channel') && (
        <Field label={t('chat.title')}>
          <input value={title} maxLength={100} dir="auto" onChange={(e) => setTitle(e.target.value)} />
        </Field>
      )}
      <SearchField label={t('presence.searchPeople')} value={query} onChange={setQuery} data-autofocus />
      <ul className="pick-list" aria-label={t('chat.members')}>
        {shown.map((p) => (
          <li key={p.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={picked.includes(p.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, p.id] : picked.filter((id) => id !== p.id))}
              />
              <UserText>{p.name}</UserText>{' '}
              <span className="muted" dir="auto">
                {p.departmentName}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {policy && !policy.mayCreateLargeGroups && (
        <p className="muted small">{t('chat.largeGroupHint', { limit: policy.policy.largeGroupThreshold })}</p>
      )}
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
