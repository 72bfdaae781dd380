import type { Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang } from '../core/text.js';
import { en, type MessageKey, type Messages } from './en.js';
import { ja } from './ja.js';

export type { MessageKey, Messages } from './en.js';

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, ja };

/** A UI string in `lang`, with `{name}` placeholders filled from `vars` (unknown ones are left as they are). */
export function msg(lang: Lang, key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  const text = MESSAGES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const statusLabel = (status: Status, lang: Lang): string => MESSAGES[lang][`status.${status}`];
export const severityLabel = (severity: Severity, lang: Lang): string => MESSAGES[lang][`severity.${severity}`];

/** Numbers as the language writes them (1,234 in both). */
export const formatNumber = (n: number, lang: Lang): string => n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
