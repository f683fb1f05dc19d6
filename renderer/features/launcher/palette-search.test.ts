import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import en from '../../../shared/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../shared/i18n/locales/zh-CN.json' with { type: 'json' };
import { type PaletteSources, buildPaletteItems } from './palette-items.ts';
import { defaultSelection, searchPalette, suggestions } from './palette-search.ts';

const tool = (id: string, en: string, zh: string, extra: Partial<LauncherEntryView> = {}): LauncherEntryView => ({
  id,
  name: { en, 'zh-CN': zh },
  description: { en: '', 'zh-CN': '' },
  category: { en: 'Office', 'zh-CN': '办公' },
  icon: en.slice(0, 1),
  color: '#336699',
  keywords: [],
  target: { kind: 'web', url: 'https://x.example.com/', openIn: 'window', sso: { mode: 'none' } },
  favorite: false,
  usage: { count: 0, lastUsedAt: null },
  availability: 'ready',
  ...extra,
});

const tools = [
  tool('t_exp', 'Expense claims', '差旅报销单', { keywords: ['reimbursement'] }),
  tool('t_explorer', 'Explorer', '资源管理器'),
  tool('t_export', 'Export data', '导出数据'),
  tool('t_kis', 'Kingdee KIS', '金蝶 KIS', { availability: 'not_allowed' }),
  tool('t_wiki', 'Wiki', '知识库', { favorite: true, usage: { count: 3, lastUsedAt: 1 } }),
  tool('t_mail', 'Mail', '邮箱', { usage: { count: 9, lastUsedAt: 2 } }),
];

let sources: (language: string) => PaletteSources;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    interpolation: { escapeValue: false },
  });
  sources = (language) => ({
    tools,
    people: [
      { id: 'u_zhang_wei', name: '张伟', departmentName: 'Sales', pinyin: 'zhangwei', initials: 'zw' },
      { id: 'u_li_na', name: 'Li Na', departmentName: 'Finance', pinyin: '', initials: '' },
    ],
    templates: [{ key: 'leave', name: { en: 'Leave request', 'zh-CN': '请假申请' } } as PaletteSources['templates'][number]],
    pending: [],
    nextClock: 'in',
    chatEnabled: true,
    language,
    t: i18n.getFixedT(language),
  });
});

const titles = (query: string, language = 'en') => searchPalette(buildPaletteItems(sources(language)), query).map((i) => i.title);

describe('the palette’s search', () => {
  it('finds tools by fuzzy queries, best match first', () => {
    expect(titles('expns clm')[0]).toBe('Expense claims');
    expect(titles('ec')[0]).toBe('Expense claims');
    expect(titles('kis')[0]).toBe('Kingdee KIS');
    expect(titles('reimb')[0]).toBe('Expense claims');
  });

  it('finds Chinese names in either language, and people by name', () => {
    expect(titles('报销')[0]).toBe('Expense claims');
    expect(titles('报销', 'zh-CN')[0]).toBe('差旅报销单');
    expect(titles('张伟')).toContain('张伟');
    // Pinyin, whole or by initials, as Chinese users type on a Latin keyboard.
    expect(titles('zhangwei')[0]).toBe('张伟');
    expect(titles('zw')).toContain('张伟');
  });

  it('finds actions: clock in, a new request from a template, going to a page', () => {
    expect(titles('clock')[0]).toBe('Clock in');
    expect(titles('new leave')[0]).toBe('New Leave request');
    expect(titles('请假', 'zh-CN')[0]).toBe('新建请假申请');
    expect(titles('go notices')[0]).toBe('Go to Notices');
  });

  it('puts favourites and often-used tools first among equal matches', () => {
    const items = buildPaletteItems(sources('en'));
    const ranked = searchPalette(items, 'i')
      .filter((i) => i.kind === 'tool')
      .map((i) => i.title);
    expect(ranked.indexOf('Wiki')).toBeLessThan(ranked.indexOf('Kingdee KIS'));
  });

  it('marks a program IT has not allowed, instead of hiding it', () => {
    const kis = searchPalette(buildPaletteItems(sources('en')), 'kingdee')[0];
    expect(kis?.unavailable).toBe('Not allowed on this PC');
  });

  it('suggests recent picks first, then favourite and used tools, then clocking', () => {
    const items = buildPaletteItems(sources('en'));
    expect(suggestions(items, ['tool:t_exp', 'person:u_li_na']).map((i) => i.id)).toEqual([
      'tool:t_exp',
      'person:u_li_na',
      'tool:t_wiki',
      'tool:t_mail',
      'action:clock',
    ]);
  });

  it('hides people when chat is turned off by policy', () => {
    const items = buildPaletteItems({ ...sources('en'), chatEnabled: false });
    expect(items.some((i) => i.kind === 'person')).toBe(false);
  });

  it('answers a keystroke over 500 tools and 5,000 people fast enough to type into', () => {
    const many = buildPaletteItems({
      ...sources('en'),
      tools: Array.from({ length: 500 }, (_, n) => tool(`t_${n}`, `Tool number ${n}`, `工具 ${n}`)),
      people: Array.from({ length: 5000 }, (_, n) => ({
        id: `u_${n}`,
        name: `Person ${n} 员工`,
        departmentName: `Dept ${n % 40}`,
        pinyin: `person${n}yuangong`,
        initials: `p${n}yg`,
      })),
    });
    const queries = ['t', 'to', 'too', 'tool', 'tool n', 'tool nu', 'tool 49', 'per', 'person 4', '员工'];
    const timeAll = () =>
      queries.map((q) => {
        const start = performance.now();
        searchPalette(many, q);
        return performance.now() - start;
      });
    // The first pass includes the JIT compiling match-sorter (once per window); the bound is on warm keystrokes,
    // each the best of three so a garbage collection on a shared CI core does not decide it.
    const cold = Math.max(...timeAll());
    const runs = [timeAll(), timeAll(), timeAll()];
    const worst = Math.max(...queries.map((_, i) => Math.min(...runs.map((r) => r[i]!))));
    console.log(
      `palette search over ${many.length} items: first pass worst ${cold.toFixed(1)} ms, warm worst keystroke ${worst.toFixed(1)} ms`,
    );
    // CI runs two test files per core pair at once: the same code measures up to twice as slow there.
    expect(worst).toBeLessThan(import.meta.env['CI'] ? 100 : 50);
  });
});

describe('what Enter picks before the user moves', () => {
  it('never "Clock out", even when it was the last thing used and tops the suggestions', () => {
    const items = buildPaletteItems({ ...sources('en'), nextClock: 'out' });
    const suggested = suggestions(items, ['action:clock', 'tool:t_mail']);
    expect(suggested[0]!.title).toBe('Clock out');
    expect(suggested[defaultSelection(suggested)]!.title).toBe('Mail');
    // Typed on purpose, it is the only match: still not picked by reflex; the arrow keys reach it.
    const typed = searchPalette(items, 'clock out');
    expect(typed.map((i) => i.title)).toEqual(['Clock out']);
    expect(defaultSelection(typed)).toBe(-1);
  });

  it('picks "Clock in" as it would any row: it undoes nothing', () => {
    const items = buildPaletteItems(sources('en'));
    const suggested = suggestions(items, ['action:clock']);
    expect(suggested[defaultSelection(suggested)]!.title).toBe('Clock in');
  });
});
