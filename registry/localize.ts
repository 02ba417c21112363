import type { Localized } from './types';

export const locales = ['zh-Hans', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The shape of registry data once every {zh-Hans, en} pair is replaced by one string. */
export type Localize<T> = T extends Localized
  ? string
  : T extends readonly (infer U)[]
    ? Localize<U>[]
    : T extends object
      ? { [K in keyof T]: Localize<T[K]> }
      : T;

function isLocalized(value: object): value is Localized {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Localized)['zh-Hans'] === 'string' && typeof (value as Localized).en === 'string';
}

export function localize<T>(value: T, locale: Locale): Localize<T> {
  if (Array.isArray(value)) return value.map((item) => localize(item, locale)) as Localize<T>;
  if (value && typeof value === 'object') {
    if (isLocalized(value)) return value[locale] as Localize<T>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, locale)])) as Localize<T>;
  }
  return value as Localize<T>;
}

/** Which locale an MDX file belongs to, from its path under i18n/<locale>/. */
export function localeOfFile(path: string): Locale {
  const match = /[\\/]i18n[\\/]([^\\/]+)[\\/]/.exec(path);
  return match && (locales as readonly string[]).includes(match[1]) ? (match[1] as Locale) : 'zh-Hans';
}
