import type { Conversation } from '../../../../shared/domain/chat/index.ts';

const NAMES_SHOWN = 4;

/** A direct chat is named after the other person; an unnamed group after its first members. */
export function conversationTitle(conversation: Conversation, me: string): string {
  if (conversation.kind === 'direct') {
    return conversation.members.find((m) => m.id !== me)?.name ?? conversation.members[0]?.name ?? '';
  }
  if (conversation.title) return conversation.title;
  const others = conversation.members.filter((m) => m.id !== me).map((m) => m.name);
  const shown = others.slice(0, NAMES_SHOWN).join(', ');
  return others.length > NAMES_SHOWN ? `${shown} +${others.length - NAMES_SHOWN}` : shown;
}
