import type { Kudos } from '../../../shared/domain/kudos.ts';
import type { Db } from '../../store/database.ts';
import type { KudosRepository, NewKudos } from './kudos-repository.ts';

const SELECT = `SELECT k.id, k.from_id AS fromUserId, u.display_name AS fromName, k.to_id AS toUserId, k.message, k.at
                FROM kudos k JOIN users u ON u.id = k.from_id`;

/** Kudos on SQLite: each answer is ready at once, so it runs inside a unit of work's turn. */
export class KudosStore implements KudosRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      insert: db.prepare<NewKudos>(
        'INSERT INTO kudos (id, from_id, to_id, message, at) VALUES (@id, @fromUserId, @toUserId, @message, @at)',
      ),
      get: db.prepare<[string], Kudos>(`${SELECT} WHERE k.id = ?`),
      sentAfter: db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM kudos WHERE from_id = ? AND at > ?'),
      countsSince: db.prepare<[number], { userId: string; count: number }>(
        `SELECT k.to_id AS userId, count(*) AS count FROM kudos k JOIN users u ON u.id = k.to_id
         WHERE k.at >= ? AND u.disabled = 0 GROUP BY k.to_id`,
      ),
      recentTo: db.prepare<[string, number], Kudos>(`${SELECT} WHERE k.to_id = ? ORDER BY k.at DESC, k.id LIMIT ?`),
      involving: db.prepare<[string, string], Kudos>(`${SELECT} WHERE k.from_id = ? OR k.to_id = ? ORDER BY k.at`),
    };
  }

  async insert(kudos: NewKudos): Promise<Kudos> {
    this.sql.insert.run(kudos);
    return this.sql.get.get(kudos.id)!;
  }

  async sentAfter(fromUserId: string, after: number): Promise<number> {
    return this.sql.sentAfter.get(fromUserId, after)!.n;
  }

  async countsSince(since: number): Promise<{ userId: string; count: number }[]> {
    return this.sql.countsSince.all(since);
  }

  async recentTo(toUserId: string, limit: number): Promise<Kudos[]> {
    return this.sql.recentTo.all(toUserId, limit);
  }

  async involving(userId: string): Promise<Kudos[]> {
    return this.sql.involving.all(userId, userId);
  }
}
