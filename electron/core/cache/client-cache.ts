import type { UserEvent, UserEventKind } from '../../../shared/protocol/events.ts';
import type { Snapshot } from '../../../shared/protocol/methods.ts';
import { ApprovalsCache } from '../features/approvals/approvals-cache.ts';
import { AttendanceCache } from '../features/attendance/attendance-cache.ts';
import { BriefCache } from '../features/brief/brief-cache.ts';
import { NoticesCache } from '../features/notices/notices-cache.ts';
import { LauncherCache } from '../features/launcher/launcher-cache.ts';
import { ChatCache } from '../features/chat/chat-cache.ts';
import { ChatSearch } from '../features/chat/chat-search.ts';
import { type CacheDb, openCacheDb } from './cache-db.ts';
import { applyFeatureSnapshots, featureAppliers } from '../features/registry.ts';
import type { Appliers, Feature } from './event-appliers.ts';
import { ClientState } from './client-state.ts';

export type { Feature } from './event-appliers.ts';

export interface IncomingEvent {
  seq: number;
  event: UserEvent;
}

export interface ApplyResult {
  /** Seqs applied now, in order. */
  applied: number[];
  /** Seqs at or below the applied position: repeats, skipped. */
  duplicates: number;
  /** True when an event did not follow the applied position: ask the server to resume. */
  gap: boolean;
  features: Set<Feature>;
}

/**
 * The client's last known state. `applied_seq` is written in the same transaction as the data it
 * describes: after a crash the cache and its position always agree, so nothing is applied twice.
 */
export class ClientCache {
  readonly notices: NoticesCache;
  readonly approvals: ApprovalsCache;
  readonly attendance: AttendanceCache;
  readonly launcher: LauncherCache;
  readonly chat: ChatCache;
  readonly chatSearch: ChatSearch;
  /** Small kept values (fetched lists, today's brief) by key. */
  readonly state: ClientState;
  readonly brief: BriefCache;
  readonly db: CacheDb;
  /** Each event kind's applier, from the features' own (`features/registry.ts`). */
  private readonly appliers: Appliers<UserEventKind>;
  private readonly positionStmt;
  private readonly setPositionStmt;

  /** `me`: the signed-in user (chat counts their own messages as read and their mentions as loud). */
  constructor(file: string, me = '') {
    this.db = openCacheDb(file);
    this.chat = new ChatCache(this.db, me);
    this.chatSearch = new ChatSearch(this.db, me);
    this.notices = new NoticesCache(this.db);
    this.approvals = new ApprovalsCache(this.db);
    this.attendance = new AttendanceCache(this.db);
    this.state = new ClientState(this.db);
    this.launcher = new LauncherCache(this.state);
    this.brief = new BriefCache(this.state);
    // Each event kind's applier, from the features' own (one list: features/registry.ts).
    this.appliers = featureAppliers(this);
    this.positionStmt = this.db.prepare<[], { epoch: string | null; applied_seq: number }>(
      'SELECT epoch, applied_seq FROM sync_state WHERE id = 1',
    );
    this.setPositionStmt = this.db.prepare('UPDATE sync_state SET epoch = ?, applied_seq = ? WHERE id = 1');
  }

  position(): { epoch: string | null; appliedSeq: number } {
    const row = this.positionStmt.get()!;
    return { epoch: row.epoch, appliedSeq: row.applied_seq };
  }

  applyEvents(events: readonly IncomingEvent[]): ApplyResult {
    return this.db.transaction(() => {
      const { epoch, appliedSeq } = this.position();
      let position = appliedSeq;
      const result: ApplyResult = { applied: [], duplicates: 0, gap: false, features: new Set() };
      for (const { seq, event } of [...events].sort((a, b) => a.seq - b.seq)) {
        if (seq <= position) {
          result.duplicates += 1;
          continue;
        }
        if (seq !== position + 1) {
          result.gap = true;
          break;
        }
        result.features.add(this.applyOne(event));
        position = seq;
        result.applied.push(seq);
      }
      if (position !== appliedSeq) this.setPositionStmt.run(epoch, position);
      return result;
    })();
  }

  /** Replaces everything with the server's snapshot and takes its head as the applied position. */
  applySnapshot(epoch: string, snapshot: Snapshot): void {
    this.db.transaction(() => {
      applyFeatureSnapshots(this, snapshot);
      this.setPositionStmt.run(epoch, snapshot.headSeq);
    })();
  }

  close(): void {
    this.db.close();
  }

  private applyOne(event: UserEvent): Feature {
    return (this.appliers[event.kind] as (event: UserEvent) => Feature)(event);
  }
}
