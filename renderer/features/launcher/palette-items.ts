import type { TFunction } from 'i18next';
import type { ApprovalTaskSummary, ApprovalTemplate, DirectoryPerson, LauncherEntryView } from '../../../shared/bridge/views.ts';
import { localized, otherLocalized } from '../../i18n/localized.ts';

/** What choosing an item does. */
export type PaletteRun = { type: 'launch'; toolId: string } | { type: 'navigate'; route: string } | { type: 'clock' };

export interface PaletteItem {
  /** `tool:…`, `person:…`, `action:…`, `approval:…`: stable, so recent picks survive a restart. */
  id: string;
  kind: 'tool' | 'person' | 'action' | 'approval';
  title: string;
  subtitle: string;
  /** Other names it answers to: the other language's name, keywords, a person's username. */
  aliases: string[];
  /** Latin spellings of a Chinese name (pinyin, initials), matched by prefix only: cheap over thousands of people. */
  phonetic?: readonly string[];
  icon: string;
  color: string;
  /** Breaks ties between equally good matches: favourites and often-used tools first. */
  boost: number;
  run: PaletteRun;
  /** Why it cannot run here (a program IT has not allowed), shown instead of running. */
  unavailable: string | null;
  /** Undoes the day's state (clocking out): never the row Enter picks unless the user moved to it. */
  destructive?: boolean;
}

export interface PaletteSources {
  tools: readonly LauncherEntryView[];
  people: readonly DirectoryPerson[];
  templates: readonly ApprovalTemplate[];
  pending: readonly ApprovalTaskSummary[];
  nextClock: 'in' | 'out';
  chatEnabled: boolean;
  language: string;
  t: TFunction;
}

const PAGES = ['home', 'approvals', 'notices', 'attendance', 'launcher'] as const;

/** Everything the palette can find, in the user's language. */
export function buildPaletteItems(s: PaletteSources): PaletteItem[] {
  const { t, language } = s;
  const tools: PaletteItem[] = s.tools.map((tool) => ({
    id: `tool:${tool.id}`,
    kind: 'tool',
    title: localized(tool.name, language),
    subtitle: localized(tool.category, language),
    aliases: [otherLocalized(tool.name, language), ...tool.keywords],
    icon: tool.icon,
    color: tool.color,
    boost: (tool.favorite ? 1000 : 0) + tool.usage.count,
    run: { type: 'launch', toolId: tool.id },
    unavailable: tool.availability === 'ready' ? null : t(`launcher.availability.${tool.availability}`),
  }));
  const action = (id: string, title: string, run: PaletteRun, icon: string, aliases: string[] = []): PaletteItem => ({
    id: `action:${id}`,
    kind: 'action',
    title,
    subtitle: t('palette.kind.action'),
    aliases,
    icon,
    color: '#5b6b7d',
    boost: 0,
    run,
    unavailable: null,
  });
  const actions: PaletteItem[] = [
    {
      ...action('clock', t(s.nextClock === 'in' ? 'tray.clockIn' : 'tray.clockOut'), { type: 'clock' }, '◷', ['clock', '打卡']),
      destructive: s.nextClock === 'out',
    },
    ...s.templates.map((template) =>
      action(
        `new:${template.key}`,
        t('palette.newRequest', { name: localized(template.name, language) }),
        { type: 'navigate', route: `approvals/new?template=${template.key}` },
        '+',
        [otherLocalized(template.name, language)],
      ),
    ),
    ...PAGES.map((page) =>
      action(`page:${page}`, t('palette.goTo', { page: t(`nav.${page}`) }), { type: 'navigate', route: page }, '→'),
    ),
  ];
  const approvals: PaletteItem[] = s.pending.map((task) => ({
    id: `approval:${task.requestId}`,
    kind: 'approval',
    title: task.title,
    subtitle: t('palette.waitingApproval', { name: task.submitter.name, template: localized(task.templateName, language) }),
    aliases: [task.submitter.name],
    icon: '✓',
    color: '#b7791f',
    boost: 0,
    run: { type: 'navigate', route: `approvals/${task.requestId}` },
    unavailable: null,
  }));
  const people: PaletteItem[] = s.chatEnabled
    ? s.people.map((person) => ({
        id: `person:${person.id}`,
        kind: 'person',
        title: person.name,
        subtitle: person.departmentName ?? '',
        aliases: [],
        // "zw" and "zhangwei" find 张伟 (pinyin from the server), matched by prefix in searchPalette.
        phonetic: [person.pinyin, person.initials].filter(Boolean),
        icon: person.name.slice(0, 1),
        color: '#2f855a',
        boost: 0,
        run: { type: 'navigate', route: `chat/${person.id}` },
        unavailable: null,
      }))
    : [];
  return [...tools, ...actions, ...approvals, ...people];
}
