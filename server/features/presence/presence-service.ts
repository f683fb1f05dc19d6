import type { Clock } from '../../../shared/domain/clock.ts';
import type { LeaderPresence, PresenceSettings, PresenceView } from '../../../shared/domain/presence/index.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { OnlineDay, PresenceStore } from './presence-store.ts';
import type { PresenceTracker } from './presence-tracker.ts';
import type { PresenceWatchers } from './presence-watchers.ts';

const LEADERS_MAX = 6;

/** The presence methods: a device's activity, what a user sets, who they follow, and their leaders. */
export class PresenceService {
  private readonly deps: {
    tracker: PresenceTracker;
    store: PresenceStore;
    watchers: PresenceWatchers;
    directory: DirectoryStore;
    clock: Clock;
    timeZone: string;
  };

  constructor(deps: PresenceService['deps']) {
    this.deps = deps;
  }

  report(userId: string, connectionId: string, idle: boolean): { ok: true } {
    this.deps.tracker.report(userId, connectionId, idle);
    return { ok: true };
  }

  watch(connectionId: string, userIds: readonly string[]): PresenceView[] {
    const unique = [...new Set(userIds)];
    this.deps.watchers.replace(connectionId, unique);
    return unique.filter((id) => this.deps.directory.isActiveUser(id)).map((id) => this.deps.tracker.view(id));
  }

  mine(userId: string): PresenceSettings {
    return this.deps.tracker.settings(userId);
  }

  set(userId: string, settings: PresenceSettings): PresenceSettings {
    const now = this.deps.clock.now();
    if (settings.manualUntil !== null && settings.manualUntil <= now) {
      throw new DomainError('invalid_params', 'the end of a status must be in the future', undefined, [
        { field: 'manualUntil', code: 'below_min' },
      ]);
    }
    const clean: PresenceSettings = {
      ...settings,
      manualUntil: settings.manual === 'auto' ? null : settings.manualUntil,
      statusText: settings.statusText?.trim() || null,
    };
    this.deps.store.putSettings(userId, clean, now);
    this.deps.tracker.settingsChanged(userId, clean);
    return clean;
  }

  /** The people whose availability decides this user's day: manager, department head, the head's head. */
  leaders(userId: string): LeaderPresence[] {
    const me = this.deps.directory.orgPosition(userId);
    if (!me) throw new DomainError('not_found', 'your account no longer exists');
    const picked: { id: string; relation: LeaderPresence['relation'] }[] = [];
    const add = (id: string | null, relation: LeaderPresence['relation']) => {
      if (id && id !== userId && !picked.some((p) => p.id === id) && picked.length < LEADERS_MAX) picked.push({ id, relation });
    };
    add(me.managerId, 'manager');
    add(me.departmentLeaderId, 'departmentLeader');
    // Up the chain: the executives above, so a stalled approval's last step is visible too.
    let next = me.departmentLeaderId ?? me.managerId;
    for (let hops = 0; next && hops < 4; hops += 1) {
      const position = this.deps.directory.orgPosition(next);
      next = position?.managerId ?? null;
      add(next, 'executive');
    }
    return picked.flatMap(({ id, relation }) => {
      const position = this.deps.directory.orgPosition(id);
      if (!position?.active) return [];
      return [
        { id, name: position.name, relation, departmentName: position.departmentName, presence: this.deps.tracker.view(id) },
      ];
    });
  }

  /** For admins: each leader's visibly online minutes per day (the "visible hours" the field notes ask of leaders). */
  leadersOnlineTime(
    from: string,
    to: string,
  ): { id: string; name: string; departmentName: string | null; days: OnlineDay[]; totalMinutes: number }[] {
    const leaders = new Set([...this.deps.directory.usersWithRole('leader'), ...this.deps.directory.departmentLeaderIds()]);
    return [...leaders].flatMap((id) => {
      const position = this.deps.directory.orgPosition(id);
      if (!position?.active) return [];
      const days = this.deps.store.onlineDays(id, from, to, this.deps.timeZone);
      return [
        {
          id,
          name: position.name,
          departmentName: position.departmentName,
          days,
          totalMinutes: days.reduce((sum, d) => sum + d.onlineMinutes, 0),
        },
      ];
    });
  }
}
