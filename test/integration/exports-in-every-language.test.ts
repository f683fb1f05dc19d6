/**
 * HR's exports in each of the six UI languages: the attendance report as XLSX (parsed back with a
 * real reader) and CSV, and a notice's reach as CSV. The figures are the same in every language;
 * only the words change, and they are the words of that language's catalog.
 */
import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { offlineHeadings, reportHeadings } from '../../server/features/attendance/report-headings.ts';
import { CONTENT_LANGUAGES } from '../../shared/domain/localized-text.ts';
import { id } from './approval-world.ts';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { login } from './harness.ts';
import { noticesWorld } from './notices-world.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Monday 23 November 2026 in Sales: one clock on time, one late, one made offline and sent later. */
async function salesMonday(): Promise<AttendanceWorld> {
  const w = await attendanceWorld(at('2026-11-23T08:00'));
  cleanups.push(() => w.close());
  w.clockAt('zhang.wei', 'in', '2026-11-23T08:55');
  w.clockAt('liu.yang', 'in', '2026-11-23T09:20');
  w.clock.set(at('2026-11-23T09:40'));
  w.attendance.service.record(w.office('sun.li'), 'in', { clientTime: at('2026-11-23T08:50'), offline: true });
  w.clock.set(at('2026-11-23T12:00'));
  return w;
}

async function download(w: AttendanceWorld, query: string): Promise<Response> {
  const hr = await login(w.server.url, 'chen.jing');
  return fetch(`${w.server.url}/api/admin/attendance/report?month=2026-11&department=d_sales&${query}`, {
    headers: { authorization: `Bearer ${hr.accessToken}` },
  });
}

describe('exports in every language', () => {
  it('writes the attendance XLSX in each language with its own headings and the same figures, parsed back', async () => {
    const w = await salesMonday();
    const figures = new Map<string, unknown[]>();
    for (const language of CONTENT_LANGUAGES) {
      const res = await download(w, `format=xlsx&lang=${language}`);
      expect(res.status).toBe(200);
      const [report, offline] = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
      const [header, ...rows] = report!.data;
      expect(header).toEqual(Object.values(reportHeadings[language]));
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const person = String(row[0]);
        const numbers = row.slice(2);
        if (figures.has(person)) expect(numbers, `${person} in ${language}`).toEqual(figures.get(person));
        else figures.set(person, numbers);
      }
      expect(offline!.sheet).toBe(offlineHeadings[language].sheet);
      expect(offline!.data[0]).toEqual(offlineHeadings[language].columns);
      expect(offline!.data.slice(1)).toEqual([
        ['孙丽', 'Sales', '2026-11-23', offlineHeadings[language].in, '2026-11-23 08:50:00', '2026-11-23 09:40:00'],
      ]);
    }
    // Late is counted, whatever the language: 刘洋 was 20 minutes late in every file.
    expect(figures.get('刘洋')!.slice(2, 4)).toEqual([1, 20]);
  });

  it('reads a regional tag as its language (nb-NO, ru-RU, zh-Hant-TW) and refuses what is no language tag', async () => {
    const w = await salesMonday();
    const firstLine = async (lang: string) => {
      const res = await download(w, `format=csv&lang=${encodeURIComponent(lang)}`);
      return (await res.text()).replace(/^\uFEFF/, '').split('\n')[0];
    };
    expect(await firstLine('nb-NO')).toBe(Object.values(reportHeadings.nb).join(','));
    expect(await firstLine('ru-RU')).toBe(Object.values(reportHeadings.ru).join(','));
    expect(await firstLine('zh-Hant-TW')).toBe(Object.values(reportHeadings['zh-TW']).join(','));
    expect(await firstLine('de')).toBe(Object.values(reportHeadings.en).join(','));
    const bad = await download(w, 'format=csv&lang=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/language tag/);
  });

  it('writes a notice’s reach CSV in Russian and Norwegian with their words for yes and no', async () => {
    const w = await noticesWorld();
    cleanups.push(() => w.close());
    const { noticeId } = await w.publish('chen.jing', { title: 'Q4 plan', audience: { departmentIds: ['d_sales'] } });
    await w.notices.markRead(id('sun.li'), noticeId);
    const ru = (await w.notices.exportCsv(id('chen.jing'), noticeId, 'ru')).csv;
    expect(ru.split('\n')[0]).toBe('\uFEFFФИО,Учётная запись,Подразделение,Доставлено,Прочитано,Ознакомлен(а),Напоминаний');
    expect(ru.split('\n').find((l) => l.includes('sun.li'))).toMatch(/^孙丽,sun\.li,Sales,да,2026-11-23 10:00:00,,0$/);
    const nb = (await w.notices.exportCsv(id('chen.jing'), noticeId, 'nb')).csv;
    expect(nb.split('\n')[0]).toBe('\uFEFFNavn,Brukernavn,Avdeling,Levert,Lest,Bekreftet,Påminnelser');
    expect(nb.split('\n').find((l) => l.includes('sun.li'))).toContain(',ja,');
  });
});
