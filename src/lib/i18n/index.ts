import type { Dictionary } from './dictionary';
import { en } from './en';
import type { Locale } from './locales';
import { zhHans } from './zh-hans';
import { zhHant } from './zh-hant';

export * from './locales';
export type { Dictionary } from './dictionary';

export const dictionaries: Record<Locale, Dictionary> = { 'zh-hant': zhHant, 'zh-hans': zhHans, en };
