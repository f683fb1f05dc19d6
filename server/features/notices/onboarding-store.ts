import type { Db } from '../../store/database.ts';
import { DomainError } from '../domain-error.ts';
import type { OnboardingRepository } from './notice-repositories.ts';

/** The onboarding notices on SQLite; `replace` runs inside the caller's unit of work. */
export class OnboardingStore implements OnboardingRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      list: db.prepare<[], { notice_id: string }>('SELECT notice_id FROM onboarding_notices ORDER BY position'),
      clear: db.prepare('DELETE FROM onboarding_notices'),
      add: db.prepare('INSERT INTO onboarding_notices (position, notice_id) VALUES (?, ?)'),
      live: db.prepare<[string], { id: string }>("SELECT id FROM notices WHERE id = ? AND status = 'live'"),
    };
  }

  async noticeIds(): Promise<string[]> {
    return this.sql.list.all().map((r) => r.notice_id);
  }

  async replace(noticeIds: readonly string[]): Promise<void> {
    const unique = [...new Set(noticeIds)];
    const notLive = unique.find((noticeId) => !this.sql.live.get(noticeId));
    if (notLive) throw new DomainError('invalid_params', `notice ${notLive} is not live`, { noticeId: notLive });
    this.sql.clear.run();
    unique.forEach((noticeId, position) => this.sql.add.run(position, noticeId));
  }
}
