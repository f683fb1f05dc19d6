/**
 * Who follows whose presence, per socket. A socket's set is replaced whole by each `presence.watch`
 * and forgotten when it closes, so nothing grows with time.
 */
export class PresenceWatchers {
  private readonly byWatched = new Map<string, Set<string>>();
  private readonly byConnection = new Map<string, Set<string>>();

  replace(connectionId: string, userIds: readonly string[]): void {
    this.remove(connectionId);
    const set = new Set(userIds);
    this.byConnection.set(connectionId, set);
    for (const userId of set) {
      let watchers = this.byWatched.get(userId);
      if (!watchers) this.byWatched.set(userId, (watchers = new Set()));
      watchers.add(connectionId);
    }
  }

  remove(connectionId: string): void {
    const set = this.byConnection.get(connectionId);
    if (!set) return;
    this.byConnection.delete(connectionId);
    for (const userId of set) {
      const watchers = this.byWatched.get(userId);
      watchers?.delete(connectionId);
      if (watchers?.size === 0) this.byWatched.delete(userId);
    }
  }

  watchersOf(userId: string): ReadonlySet<string> {
    return this.byWatched.get(userId) ?? new Set();
  }

  isWatched(userId: string): boolean {
    return this.byWatched.has(userId);
  }

  get size(): number {
    return this.byConnection.size;
  }
}
