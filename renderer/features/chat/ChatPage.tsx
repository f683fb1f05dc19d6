import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portico } from '../../bridge/portico.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useCoreView } from '../../app/use-bridge.ts';
import { ConversationList } from './ConversationList.tsx';
import { ConversationView } from './ConversationView.tsx';
import { NewConversation } from './NewConversation.tsx';
import { chatError } from './chat-errors.ts';
import './chat.css';

/** Chat: the conversations on one side, the open one on the other. `chat/u_…` opens a direct chat with that person. */
export function ChatPage({ me }: { me: string }) {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const conversations = useCoreView('chat.list', { refetchOn: 'chat' });
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const itemId = route.itemId;

  // A person (from the directory, the palette or the leaders strip): find or start the direct chat.
  useEffect(() => {
    if (!itemId?.startsWith('u_') || itemId === me) return;
    let alive = true;
    void portico.call('chat.create', { kind: 'direct', title: null, memberIds: [itemId] }).then((outcome) => {
      if (!alive) return;
      if (outcome.status === 'done' && outcome.conversationId) navigate(`chat/${outcome.conversationId}`);
      else if (outcome.status === 'failed') setProblem(chatError(outcome, t));
      else setProblem(t('chat.startsWhenOnline'));
    });
    return () => {
      alive = false;
    };
  }, [itemId, me, navigate, t]);

  const selected = itemId?.startsWith('c_') ? itemId : null;
  return (
    <div className="chat-page">
      <ConversationList
        items={conversations ?? []}
        selectedId={selected}
        onSelect={(id) => navigate(`chat/${id}`)}
        onNew={() => setCreating(true)}
      />
      <main className="chat-main">
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        {selected ? (
          <ConversationView key={selected} conversationId={selected} me={me} />
        ) : (
          <p className="muted chat-empty">{t('chat.pick')}</p>
        )}
      </main>
      {creating && (
        <NewConversation
          me={me}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`chat/${id}`);
          }}
        />
      )}
    </div>
  );
}
