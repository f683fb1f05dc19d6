import type { Kudos } from '../../../shared/domain/kudos.ts';
import type { Db } from '../../store/database.ts';

export interface NewKudos {
  id: string;
  fromUserId: string;
  toUserId: string;
  message: string;
  at: number;
}

const SELECT = `SELECT k.id, k.from_id AS fromUserId, u.display_name AS fromName, k.to_id AS toUserId, k.message, k.at
                FROM kudos k JOIN users u ON u.id = k.from_id`;

/** Thanks given and received. */
export class KudosStore {
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

  /** Stores the thanks and answers it as the wire shows it (with the giver's name). */
  insert(kudos: NewKudos): Kudos {
    this.sql.insert.run(kudos);
    return this.sql.get.get(kudos.id)!;
  }

  /** How many thanks this person gave after `after` (not at it: a day's limit frees a place exactly a day later). */
  sentAfter(fromUserId: string, after: number): number {
    return this.sql.sentAfter.get(fromUserId, after)!.n;
  }

  /** Thanks received per active person at or after `since` (people with none are left out). */
  countsSince(since: number): { userId: string; count: number }[] {
    return this.sql.countsSince.all(since);
  }

  /** The newest thanks this person received, newest first. */
  recentTo(toUserId: string, limit: number): Kudos[] {
    return this.sql.recentTo.all(toUserId, limit);
  }

  /** Every thanks this person gave or received, oldest first (their copy of their data). */
  involving(userId: string): Kudos[] {
    return this.sql.involving.all(userId, userId);
  }
}
