import type { Lang, Text } from '../core/text.js';

/** CLI messages (reports keep their own strings in src/i18n). */
export const MSG = {
  loaded: {
    en: 'Loaded {resources} resources from {files} file(s)',
    ja: '{files} 個のファイルから {resources} 件のリソースを読み込んだ',
  },
  wrote: { en: 'Wrote {path}', ja: '{path} を書き出した' },
  collected: {
    en: 'Collected account {account}: {resources} resources, {errors} collection error(s)',
    ja: 'アカウント {account} を収集した: リソース {resources} 件、収集エラー {errors} 件',
  },
  warning: { en: 'warning', ja: '警告' },
  error: { en: 'error', ja: 'エラー' },
  evaluating: { en: 'Evaluating', ja: '評価中' },
  failOn: {
    en: '{count} finding(s) at or above {severity}: exit 1',
    ja: '重要度 {severity} 以上の違反が {count} 件あるため終了コード 1',
  },
  iacUnjudged: {
    en: '{count} template resource(s) of types mamori has no rules for were not judged: {types}',
    ja: 'mamori にルールのない種類のテンプレートリソース {count} 件は判定していない: {types}',
  },
  unknownSuppressedRule: {
    en: 'suppression names an unknown rule {rule}',
    ja: '抑制に指定されたルール {rule} は存在しない',
  },
  manyFormatsNeedOut: {
    en: 'several formats besides table need --out DIR',
    ja: 'table 以外の形式を複数指定する場合は --out DIR が必要',
  },
} satisfies Record<string, Text>;

export function msg(key: keyof typeof MSG, lang: Lang, vars: Record<string, string | number> = {}): string {
  return MSG[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** --lang default: MAMORI_LANG, then the locale (LANG/LC_ALL starting with ja), else English. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.MAMORI_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return v.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
