import { ticketAudience } from '../../../shared/domain/launcher/index.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { CatalogEntry, LaunchSource, ToolDefinition } from '../../../shared/domain/launcher/index.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import { type StoredTool, type ToolAdoption, type ToolStore, toTool } from './tool-store.ts';

/** Recents and "most used" look back this far. */
export const USAGE_WINDOW_MS = 90 * 24 * 3600_000;
/** A launch reported later than this (a laptop offline for weeks) is dated when it arrives. */
const LATE_LAUNCH_MS = 30 * 24 * 3600_000;

/** The catalog a user sees, their favourites and launches, and the admin's side of the tools. */
export class LauncherService {
  private readonly deps: { gate: WriteGate; tools: ToolStore; directory: DirectoryStore; clock: Clock };

  constructor(deps: LauncherService['deps']) {
    this.deps = deps;
  }

  catalog(userId: string): CatalogEntry[] {
    const now = this.deps.clock.now();
    const favorites = this.deps.tools.favorites(userId);
    const usage = this.deps.tools.usage(userId, now - USAGE_WINDOW_MS);
    return this.deps.tools.visibleTo(userId).map((stored) => ({
      ...toTool(stored),
      favorite: favorites.has(stored.id),
      usage: usage.get(stored.id) ?? { count: 0, lastUsedAt: null },
    }));
  }

  setFavorite(userId: string, toolId: string, favorite: boolean): { toolIds: string[] } {
    return this.deps.gate.write((tx) => {
      if (favorite && !this.deps.tools.visibleOne(userId, toolId))
        throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      this.deps.tools.setFavorite(userId, toolId, favorite, this.deps.clock.now());
      const toolIds = [...this.deps.tools.favorites(userId)].sort();
      tx.emit([userId], { kind: 'launcher.favorites', toolIds });
      return { toolIds };
    });
  }

  /** A launch reported by a client; its time is the click's, within bounds the server trusts. */
  recordLaunch(userId: string, toolId: string, at: number, source: LaunchSource): { toolId: string } {
    if (!this.deps.tools.visibleOne(userId, toolId)) throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
    const now = this.deps.clock.now();
    const when = at > now || at < now - LATE_LAUNCH_MS ? now : at;
    this.deps.gate.write(() => this.deps.tools.recordLaunch(userId, toolId, when, source));
    return { toolId };
  }

  // --- Admins -------------------------------------------------------------------------------------

  list(): StoredTool[] {
    return this.deps.tools.all();
  }

  create(definition: ToolDefinition): StoredTool {
    this.checkAudience(definition);
    this.checkTicketAudience(null, definition);
    const id = `tool_${randomUUID().slice(0, 12)}`;
    return this.changed(() => {
      this.deps.tools.create(id, definition, this.deps.clock.now());
      return this.deps.tools.get(id)!;
    });
  }

  update(toolId: string, definition: ToolDefinition): StoredTool {
    this.checkAudience(definition);
    this.checkTicketAudience(toolId, definition);
    return this.changed(() => {
      if (!this.deps.tools.update(toolId, definition, this.deps.clock.now()))
        throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      return this.deps.tools.get(toolId)!;
    });
  }

  remove(toolId: string): { toolId: string } {
    return this.changed(() => {
      if (!this.deps.tools.remove(toolId, this.deps.clock.now()))
        throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      return { toolId };
    });
  }

  adoption(days: number): { since: number; tools: (ToolAdoption & { name: string })[] } {
    const since = this.deps.clock.now() - days * 24 * 3600_000;
    const names = new Map(this.deps.tools.all().map((t) => [t.id, t.definition.name.en]));
    return {
      since,
      tools: this.deps.tools.adoption(since).map((row) => ({ ...row, name: names.get(row.toolId) ?? row.toolId })),
    };
  }

  /** Every client fetches its catalog again; the event body is stored once for everyone. */
  private changed<T>(work: () => T): T {
    return this.deps.gate.write((tx) => {
      const result = work();
      tx.emit(this.deps.directory.activeUserIds(), { kind: 'launcher.changed' });
      return result;
    });
  }

  /**
   * A ticket is good at every tool whose audience it names: two tools share one only when IT set the
   * same `audience` on both on purpose; a default (the tool's address) that another tool has is refused.
   */
  private checkTicketAudience(toolId: string | null, definition: ToolDefinition): void {
    const target = definition.target;
    if (target.kind !== 'web' || target.sso.mode === 'none') return;
    const audience = ticketAudience(target);
    for (const other of this.deps.tools.all()) {
      const theirs = other.definition.target;
      if (other.id === toolId || theirs.kind !== 'web' || theirs.sso.mode === 'none' || ticketAudience(theirs) !== audience)
        continue;
      if (target.audience !== undefined && theirs.audience === target.audience) continue;
      throw new DomainError(
        'conflict',
        `tool ${other.id} already takes tickets for ${audience}: give this one its own audience`,
        {
          toolId: other.id,
          audience,
        },
      );
    }
  }

  private checkAudience(definition: ToolDefinition): void {
    const unknown = definition.audience.departmentIds.find((id) => !this.deps.directory.departmentExists(id));
    if (unknown) throw new DomainError('invalid_params', `no department ${unknown}`, { departmentId: unknown });
    const nobody = definition.audience.userIds.find((id) => !this.deps.directory.isActiveUser(id));
    if (nobody) throw new DomainError('invalid_params', `no active user ${nobody}`, { userId: nobody });
  }
}
