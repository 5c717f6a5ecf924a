import type { Context } from 'hono';

/** The languages the app speaks; Chinese unless the request asks for English. */
export type Lang = 'zh-CN' | 'en-US';

/**
 * The UI language of a request. The web app sends its language as Accept-Language on every
 * call (src/web/api.ts); a client that sends none, or prefers anything but English, gets
 * Chinese.
 */
export function requestLang(c: Context): Lang {
  const first = c.req.header('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** A text the server writes in both languages (a work prompt, an org's warning), in `lang`. */
export const inLang = (lang: Lang, t: { message: string; en?: string }) =>
  lang === 'en-US' && t.en ? t.en : t.message;

/** Findings (an org's warnings) with their message in `lang` and no other. */
export const findingsIn = <F extends { message: string; en?: string }>(lang: Lang, findings: readonly F[]) =>
  findings.map(({ en, ...f }) => ({ ...f, message: inLang(lang, { message: f.message, en }) }));
