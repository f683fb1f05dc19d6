import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoticeSummary } from '../../../../shared/domain/notices/index.ts';
import en from '../../../../shared/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../shared/i18n/locales/zh-CN.json' with { type: 'json' };
import type { UserEvent } from '../../../../shared/protocol/events.ts';
import { planNoticeToasts, urgentToast } from './notice-toasts.ts';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const notice = (extra: Partial<NoticeSummary>) =>
  NoticeSummary.parse({
    id: 'n_1',
    title: 'Fire drill at 15:00',
    body: '',
    priority: 'normal',
    requiresAck: false,
    publishedAt: NOW - 1000,
    publisherName: '陈静',
    readAt: null,
    ...extra,
  });

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    interpolation: { escapeValue: false },
  });
});

describe('notice toasts say who published, and say "urgent" once', () => {
  it('calls the author of a notice its publisher, not an applicant', () => {
    const plain = notice({});
    const [toast] = planNoticeToasts(
      [{ kind: 'notice.published', notice: plain, onboarding: false }],
      () => plain,
      () => true,
      NOW,
      i18n.getFixedT('zh-CN'),
    );
    expect(toast!.body).toBe('发布人：陈静');
    expect(toast!.body).not.toContain('申请人');
  });

  it('does not prefix "URGENT:" to a title that already starts with it, in any language', () => {
    const t = i18n.getFixedT('en');
    expect(urgentToast(notice({ priority: 'urgent', title: 'Fire drill' }), t).title).toBe('URGENT: Fire drill');
    expect(urgentToast(notice({ priority: 'urgent', title: 'URGENT: fire drill' }), t).title).toBe('URGENT: fire drill');
    expect(urgentToast(notice({ priority: 'urgent', title: '紧急：消防演练' }), i18n.getFixedT('zh-CN')).title).toBe(
      '紧急：消防演练',
    );
  });

  it('does not toast a publisher about her own notice or her own reminder, but does toast the rest of its audience', () => {
    const own = notice({ publisherId: 'u_chen' });
    const events: UserEvent[] = [
      { kind: 'notice.published', notice: own, onboarding: false },
      { kind: 'notice.reminded', noticeId: own.id, remindedAt: NOW },
    ];
    const plan = (me: string) =>
      planNoticeToasts(
        events,
        () => own,
        () => true,
        NOW,
        i18n.getFixedT('en'),
        me,
      );
    expect(plan('u_chen')).toEqual([]);
    expect(plan('u_wu').map((toast) => toast.title)).toEqual(['New notice: Fire drill at 15:00']);
  });
});
