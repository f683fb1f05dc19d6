import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { foreignMarkers, foreignText, layoutBreaks } from './page-text-checks.ts';
import { APP_PAGES, chooseLanguage, signIn, stackForFile } from './portico-stack.ts';

/**
 * Every page in each of the six languages at the two desktop sizes offices run: no text in another
 * language, nothing cut, nothing drawn over other text, no sideways scroll; the month calendar
 * starts its week on the locale's day. Home, Approvals, Attendance and Chat are saved per language.
 */
const shots = path.join(import.meta.dirname, 'screenshots');
const stack = stackForFile();

/** Each language, whether it is written in Latin letters, and the ISO weekday its calendar starts on. */
const languages = [
  { code: 'en', latin: true, weekStarts: 7 },
  { code: 'zh-CN', latin: false, weekStarts: 1 },
  { code: 'zh-TW', latin: false, weekStarts: 7 },
  { code: 'he', latin: false, weekStarts: 7 },
  { code: 'ru', latin: false, weekStarts: 1 },
  { code: 'nb', latin: true, weekStarts: 1 },
] as const;
const { en, ru } = catalogs;
const SAVED = new Set(['home', 'approvals', 'attendance', 'chat']);

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`every page in six languages at ${size.width}×${size.height}: in its language, nothing cut or sideways`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(page, stack().launchUrl, 'chen.jing', size);
    const found: string[] = [];
    for (const language of languages) {
      await chooseLanguage(page, language.code);
      const markers = foreignMarkers(en, catalogs[language.code]);
      for (const name of APP_PAGES) {
        await page.getByTestId(`nav-${name}`).click();
        await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
        await page.waitForTimeout(200);
        const where = `${language.code} ${name}`;
        if (language.code !== 'en')
          found.push(...(await foreignText(page, markers, language.latin)).map((line) => `${where}: ${line}`));
        found.push(...(await layoutBreaks(page)).map((line) => `${where}: ${line}`));
        if (name === 'attendance')
          await expect(page.locator('.month-weekday').first(), `${language.code}'s week`).toHaveAttribute(
            'data-weekday',
            String(language.weekStarts),
          );
        if (size.width === 1280 && SAVED.has(name))
          await page.screenshot({ path: path.join(shots, `language-${language.code}-${name}.png`) });
      }
    }
    // The check can fail: the Norwegian window read as if it were Russian is full of foreign words.
    expect(await foreignText(page, foreignMarkers(en, ru), false)).not.toEqual([]);
    console.log(found.length === 0 ? `six languages at ${size.width}: all in their language, nothing cut` : found.join('\n'));
    expect(found).toEqual([]);
  });
}
