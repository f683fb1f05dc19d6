import { type NoticeDraft, NoticeDraft as Draft } from '../../shared/domain/notices/index.ts';
import type { UserEvent } from '../../shared/protocol/events.ts';
import { type ApprovalWorld, approvalWorld, id } from './approval-world.ts';

type DraftInput = Partial<Omit<NoticeDraft, 'audience'>> & { audience: Partial<NoticeDraft['audience']> };

/** The approval world plus notice helpers: publish as someone, wait for delivery, read a user's notice events. */
export async function noticesWorld() {
  const world: ApprovalWorld = await approvalWorld();
  const { notices, noticesModule, directoryAdmin } = world.server.services;
  const delivered = () => noticesModule.fanout.drained();
  const publish = async (username: string, input: DraftInput) => {
    const outcome = await notices.publish(id(username), Draft.parse({ title: 'Notice', ...input }));
    await delivered();
    return outcome;
  };
  const noticeEvents = (username: string, noticeId: string): UserEvent[] =>
    world.events(username).filter((e) => {
      if ('notice' in e && e.kind.startsWith('notice.')) return e.notice.id === noticeId;
      return 'noticeId' in e && e.noticeId === noticeId;
    });
  /** Usernames whose log holds a `notice.published` for this notice. */
  const reached = (noticeId: string): string[] =>
    world.server.services.directory
      .people()
      .map((p) => p.id)
      .filter((userId) =>
        world.server.services.log
          .readAfter(userId, 0, 100_000)
          .some((e) => e.event.kind === 'notice.published' && e.event.notice.id === noticeId),
      )
      .sort();
  return { ...world, notices, noticesModule, directoryAdmin, delivered, publish, noticeEvents, reached };
}
export type NoticesWorld = Awaited<ReturnType<typeof noticesWorld>>;
export { id };
