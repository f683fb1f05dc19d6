import { ToolDefinition, type ToolUsage } from '../../../shared/domain/launcher/index.ts';
import type { Db } from '../../store/database.ts';
import { audienceMatchColumn } from '../directory/audience-match.ts';
import type { StoredTool, ToolAdoption, ToolRepository } from './launcher-repositories.ts';

interface ToolRow {
  id: string;
  definition: string;
  enabled: number;
  created_at: number;
  updated_at: number;
}

const toStored = (row: ToolRow): StoredTool => ({
  id: row.id,
  definition: ToolDefinition.parse(JSON.parse(row.definition)),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Tools, favourites and launches on SQLite; who sees a tool is the same SQL audience rule as notices. */
export class ToolStore implements ToolRepository {
  private readonly sql;

  constructor(db: Db) {
    const visible = `FROM tools t JOIN users u ON u.id = @userId
      WHERE t.deleted_at IS NULL AND t.enabled = 1 AND ${audienceMatchColumn('t.audience')}`;
    this.sql = {
      insert: db.prepare(
        `INSERT INTO tools (id, definition, audience, enabled, position, created_at, updated_at)
         VALUES (@id, @definition, @audience, @enabled, @position, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE tools SET definition = @definition, audience = @audience, enabled = @enabled, position = @position,
         updated_at = @now WHERE id = @id AND deleted_at IS NULL`,
      ),
      remove: db.prepare('UPDATE tools SET deleted_at = ?, enabled = 0 WHERE id = ? AND deleted_at IS NULL'),
      get: db.prepare<[string], ToolRow>('SELECT * FROM tools WHERE id = ? AND deleted_at IS NULL'),
      all: db.prepare<[], ToolRow>('SELECT * FROM tools WHERE deleted_at IS NULL ORDER BY position, id'),
      visible: db.prepare<{ userId: string }, ToolRow>(`SELECT t.* ${visible} ORDER BY t.position, t.id`),
      visibleOne: db.prepare<{ userId: string; toolId: string }, ToolRow>(`SELECT t.* ${visible} AND t.id = @toolId`),
      favorites: db.prepare<[string], { tool_id: string }>('SELECT tool_id FROM tool_favorites WHERE user_id = ?'),
      addFavorite: db.prepare('INSERT OR IGNORE INTO tool_favorites (user_id, tool_id, created_at) VALUES (?, ?, ?)'),
      removeFavorite: db.prepare('DELETE FROM tool_favorites WHERE user_id = ? AND tool_id = ?'),
      launch: db.prepare('INSERT INTO tool_launches (user_id, tool_id, at, source) VALUES (?, ?, ?, ?)'),
      usage: db.prepare<[string, number], { tool_id: string; n: number; last: number }>(
        `SELECT tool_id, count(*) AS n, max(at) AS last FROM tool_launches WHERE user_id = ? AND at >= ? GROUP BY tool_id`,
      ),
      adoption: db.prepare<[number], { tool_id: string; launches: number; users: number; last: number | null }>(
        `SELECT t.id AS tool_id, count(l.id) AS launches, count(DISTINCT l.user_id) AS users, max(l.at) AS last
         FROM tools t LEFT JOIN tool_launches l ON l.tool_id = t.id AND l.at >= ?
         WHERE t.deleted_at IS NULL GROUP BY t.id ORDER BY launches DESC, t.id`,
      ),
    };
  }

  async create(id: string, definition: ToolDefinition, now: number): Promise<void> {
    this.sql.insert.run(this.columns(id, definition, now));
  }

  /** False when there is no such tool. */
  async update(id: string, definition: ToolDefinition, now: number): Promise<boolean> {
    return this.sql.update.run(this.columns(id, definition, now)).changes === 1;
  }

  async remove(id: string, now: number): Promise<boolean> {
    return this.sql.remove.run(now, id).changes === 1;
  }

  async get(id: string): Promise<StoredTool | null> {
    const row = this.sql.get.get(id);
    return row ? toStored(row) : null;
  }

  async all(): Promise<StoredTool[]> {
    return this.sql.all.all().map(toStored);
  }

  async visibleTo(userId: string): Promise<StoredTool[]> {
    return this.sql.visible.all({ userId }).map(toStored);
  }

  async visibleOne(userId: string, toolId: string): Promise<StoredTool | null> {
    const row = this.sql.visibleOne.get({ userId, toolId });
    return row ? toStored(row) : null;
  }

  async favorites(userId: string): Promise<Set<string>> {
    return new Set(this.sql.favorites.all(userId).map((r) => r.tool_id));
  }

  async setFavorite(userId: string, toolId: string, favorite: boolean, now: number): Promise<void> {
    if (favorite) this.sql.addFavorite.run(userId, toolId, now);
    else this.sql.removeFavorite.run(userId, toolId);
  }

  async recordLaunch(userId: string, toolId: string, at: number, source: string): Promise<void> {
    this.sql.launch.run(userId, toolId, at, source);
  }

  async usage(userId: string, since: number): Promise<Map<string, ToolUsage>> {
    return new Map(this.sql.usage.all(userId, since).map((r) => [r.tool_id, { count: r.n, lastUsedAt: r.last }]));
  }

  async adoption(since: number): Promise<ToolAdoption[]> {
    return this.sql.adoption
      .all(since)
      .map((r) => ({ toolId: r.tool_id, launches: r.launches, users: r.users, lastLaunchAt: r.last }));
  }

  private columns(id: string, definition: ToolDefinition, now: number) {
    return {
      id,
      definition: JSON.stringify(definition),
      audience: JSON.stringify(definition.audience),
      enabled: definition.enabled ? 1 : 0,
      position: definition.position,
      now,
    };
  }
}
