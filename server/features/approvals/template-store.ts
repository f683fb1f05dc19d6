import { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import type { Db } from '../../store/database.ts';
import { builtinTemplates } from './builtin-templates.ts';

export interface StoredTemplate {
  template: ApprovalTemplate;
  version: number;
}

/** Templates as versioned data. Each save bumps the version; requests keep the version they used. */
export class TemplateStore {
  private readonly getStmt;
  private readonly listStmt;
  private readonly upsertStmt;
  private readonly countStmt;
  private readonly untouchedStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { definition: string; version: number }>(
      'SELECT definition, version FROM approval_templates WHERE key = ?',
    );
    this.listStmt = db.prepare<[], { definition: string; version: number }>(
      'SELECT definition, version FROM approval_templates ORDER BY key',
    );
    this.upsertStmt = db.prepare<[string, string, number, string | null]>(
      `INSERT INTO approval_templates (key, definition, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (key) DO UPDATE SET definition = excluded.definition, version = version + 1,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM approval_templates');
    this.untouchedStmt = db.prepare<[string], { definition: string; updated_by: string | null }>(
      'SELECT definition, updated_by FROM approval_templates WHERE key = ?',
    );
  }

  /**
   * Stores the built-in templates on a fresh database, and brings a built-in nobody has edited up
   * to this release's definition (the leave form gained half-days and a computed length); an
   * admin's edits are never overwritten, and requests keep the version they were made with.
   */
  seedBuiltins(now: number): void {
    const fresh = this.countStmt.get()!.n === 0;
    for (const template of builtinTemplates) {
      const row = this.untouchedStmt.get(template.key);
      const definition = JSON.stringify(ApprovalTemplate.parse(template));
      if (fresh || (row && row.updated_by === null && row.definition !== definition)) this.save(template, now, null);
    }
  }

  get(key: string): StoredTemplate | null {
    const row = this.getStmt.get(key);
    return row ? { template: ApprovalTemplate.parse(JSON.parse(row.definition)), version: row.version } : null;
  }

  list(): StoredTemplate[] {
    return this.listStmt
      .all()
      .map((row) => ({ template: ApprovalTemplate.parse(JSON.parse(row.definition)), version: row.version }));
  }

  save(template: ApprovalTemplate, now: number, by: string | null): number {
    const checked = ApprovalTemplate.parse(template);
    this.upsertStmt.run(checked.key, JSON.stringify(checked), now, by);
    return this.get(checked.key)!.version;
  }
}
