// When a screenshot was taken, read from its file name so the date is never stored twice: the
// live pages' images are named by the moment they were saved, either a 13-digit millisecond
// timestamp (1721143384602) or a 14-digit local time (20240716201913). A name that is neither
// carries its month in the registry (`taken`). The schema enforces the same rule.
import type { Locale } from './localize';
import type { Screenshot } from './types';

export const IMAGE_HOST = 'https://cos.files.maozhishi.com';

export interface Month { year: number; month: number }

// The screenshots were taken in China: a millisecond timestamp is read in its time zone (UTC+8, no DST).
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The month a screenshot was taken; throws when neither its name nor `taken` says. */
export function screenshotMonth(shot: Pick<Screenshot, 'url' | 'taken'>): Month {
  if (shot.taken) {
    const [year, month] = shot.taken.split('-').map(Number);
    return { year, month };
  }
  const name = decodeURIComponent(shot.url.split('/').pop() ?? '');
  const millis = /(?:^|\s)(\d{13})\.[a-z]+$/i.exec(name)?.[1];
  if (millis) {
    const date = new Date(Number(millis) + CHINA_OFFSET_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
  }
  const stamp = /(?:^|\s)(\d{4})(\d{2})\d{8}\.[a-z]+$/i.exec(name);
  if (stamp) return { year: Number(stamp[1]), month: Number(stamp[2]) };
  throw new Error(`the screenshot ${shot.url} has no timestamp for a name; give its month as "taken": "YYYY-MM"`);
}

const englishMonth = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "截图于 2024 年 7 月" / "Screenshot from July 2024". */
export function takenText({ year, month }: Month, locale: Locale): string {
  return locale === 'en' ? `Screenshot from ${englishMonth.format(Date.UTC(year, month - 1, 1))}` : `截图于 ${year} 年 ${month} 月`;
}
