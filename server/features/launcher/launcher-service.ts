import { ticketAudience } from '../../../shared/domain/launcher/index.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { CatalogEntry, LaunchSource, ToolDefinition } from '../../../shared/domain/launcher/index.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import { type StoredTool, type ToolAdoption, type ToolRepository, toTool } from './launcher-repositories.ts';

/** Recents and "most used" look back this far. */
export const USAGE_WINDOW_MS = 90 * 24 * 3600_000;
/** A launch reported later than this (a laptop offline for weeks) is dated when it arrives. */
const LATE_LAUNCH_MS = 30 * 24 * 3600_000;

/** The catalog a user sees, their favourites and launches, and the admin's side of the tools. */
export class LauncherService {
  private readonly deps: { gate: WriteGate; tools: ToolRepository; directory: DirectoryStore; clock: Clock };

  constructor(deps: LauncherService['deps']) {
    this.deps = deps;
  }

  async catalog(userId: string): Promise<CatalogEntry[]> {
    const { tools, clock } = this.deps;
    const [favorites, usage, visible] = [
      await tools.favorites(userId),
      await tools.usage(userId, clock.now() - USAGE_WINDOW_MS),
      await tools.visibleTo(userId),
    ];
    return visible.map((stored) => ({
      ...toTool(stored),
      favorite: favorites.has(stored.id),
      usage: usage.get(stored.id) ?? { count: 0, lastUsedAt: null },
    }));
  }

  setFavorite(userId: string, toolId: string, favorite: boolean): Promise<{ toolIds: string[] }> {
    const { gate, tools, clock } = this.deps;
    return gate.transaction(async (tx) => {
      if (favorite && !(await tools.visibleOne(userId, toolId)))
        throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      await tools.setFavorite(userId, toolId, favorite, clock.now());
      const toolIds = [...(await tools.favorites(userId))].sort();
      await tx.emit([userId], { kind: 'launcher.favorites', toolIds });
      return { toolIds };
    });
  }

  /** A launch reported by a client; its time is the click's, within bounds the server trusts. */
  async recordLaunch(userId: string, toolId: string, at: number, source: LaunchSource): Promise<{ toolId: string }> {
    const { gate, tools, clock } = this.deps;
    if (!(await tools.visibleOne(userId, toolId))) throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
    const now = clock.now();
    const when = at > now || at < now - LATE_LAUNCH_MS ? now : at;
    await gate.transaction(() => tools.recordLaunch(userId, toolId, when, source));
    return { toolId };
  }

  // --- Admins -------------------------------------------------------------------------------------

  list(): Promise<StoredTool[]> {
    return this.deps.tools.all();
  }

  async create(definition: ToolDefinition): Promise<StoredTool> {
    this.checkAudience(definition);
    await this.checkTicketAudience(null, definition);
    const id = `tool_${randomUUID().slice(0, 12)}`;
    return this.changed(async (tools, now) => {
      await tools.create(id, definition, now);
      return (await tools.get(id))!;
    });
  }

  async update(toolId: string, definition: ToolDefinition): Promise<StoredTool> {
    this.checkAudience(definition);
    await this.checkTicketAudience(toolId, definition);
    return this.changed(async (tools, now) => {
      if (!(await tools.update(toolId, definition, now))) throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      return (await tools.get(toolId))!;
    });
  }

  remove(toolId: string): Promise<{ toolId: string }> {
    return this.changed(async (tools, now) => {
      if (!(await tools.remove(toolId, now))) throw new DomainError('not_found', `no tool ${toolId}`, { toolId });
      return { toolId };
    });
  }

  async adoption(days: number): Promise<{ since: number; tools: (ToolAdoption & { name: string })[] }> {
    const { tools, clock } = this.deps;
    const since = clock.now() - days * 24 * 3600_000;
    const names = new Map((await tools.all()).map((t) => [t.id, t.definition.name.en]));
    return {
      since,
      tools: (await tools.adoption(since)).map((row) => ({ ...row, name: names.get(row.toolId) ?? row.toolId })),
    };
  }

  /** Every client fetches its catalog again; the event body is stored once for everyone. */
  private changed<T>(work: (tools: ToolRepository, now: number) => Promise<T>): Promise<T> {
    const { gate, tools, directory, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const result = await work(tools, clock.now());
      await tx.emit(directory.activeUserIds(), { kind: 'launcher.changed' });
      return result;
    });
  }

  /**
   * A ticket is good at every tool whose audience it names: two tools share one only when IT set the
   * same `audience` on both on purpose; a default (the tool's address) that another tool has is refused.
   */
  private async checkTicketAudience(toolId: string | null, definition: ToolDefinition): Promise<void> {
    const target = definition.target;
    if (target.kind !== 'web' || target.sso.mode === 'none') return;
    const audience = ticketAudience(target);
    for (const other of await this.deps.tools.all()) {
      const theirs = other.definition.target;
      if (other.id === toolId || theirs.kind !== 'web' || theirs.sso.mode === 'none' || ticketAudience(theirs) !== audience)
        continue;
      if (target.audience !== undefined && theirs.audience === target.audience) continue;
      throw new DomainError(
        'conflict',
        `tool ${other.id} already takes tickets for ${audience}: give this one its own audience`,
        { toolId: other.id, audience },
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
