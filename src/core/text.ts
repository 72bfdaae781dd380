/** Every user-facing string exists in English and Japanese. */
export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
export interface Text {
  en: string;
  ja: string;
}
export const t = (text: Text, lang: Lang): string => text[lang];
