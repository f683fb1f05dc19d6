/**
 * The weekday a calendar starts on, as the user's locale counts weeks: Sunday in Taiwan, Israel and
 * the United States, Monday in mainland China, Russia, Norway and most of Europe (CLDR, through
 * `Intl.Locale`). The UI language decides; the system's region refines it when the system speaks the
 * same language (English on a British PC starts on Monday).
 *
 * Days are ISO numbers: 1 is Monday, 7 is Sunday.
 */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

export function firstDayOfWeek(language: string, systemLocale?: string): IsoWeekday {
  try {
    const ui = new Intl.Locale(language);
    const system = systemLocale ? new Intl.Locale(systemLocale) : null;
    const region = system?.language === ui.language && system.region ? system.region : ui.maximize().region;
    const locale = new Intl.Locale(ui.language, region ? { region } : {}) as LocaleWithWeek;
    const first = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    return first && first >= 1 && first <= 7 ? (first as IsoWeekday) : 1;
  } catch {
    return 1; // a tag Intl cannot read: ISO weeks, as attendance rules count them
  }
}

/** ISO weekday (1 Monday … 7 Sunday) of a `yyyy-mm-dd` date. */
export const isoWeekday = (date: string): IsoWeekday => (((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1) as IsoWeekday;

/** The seven weekdays in calendar order, starting from `first`. */
export const weekOrder = (first: IsoWeekday): IsoWeekday[] =>
  Array.from({ length: 7 }, (_, i) => (((first - 1 + i) % 7) + 1) as IsoWeekday);

/** How many blank cells come before a month's first day in a week that starts on `first`. */
export const leadingBlanks = (firstDate: string, first: IsoWeekday): number => (isoWeekday(firstDate) - first + 7) % 7;
