// How each sort of text is normalised before it is checked or stored. The spec folds
// full-width to half-width only for codes and numbers: company names keep their official
// full-width brackets, e.g. 腾讯科技（深圳）有限公司.
import { toHalfWidth } from '../fullwidth.ts';

/** Codes, numbers, dates, phone numbers: half-width, trimmed. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).trim();
}

/** Names: trimmed, whitespace runs (incl. line breaks from Alt+Enter) collapsed to one space. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/**
 * Clusters are matched by text, so “ 软件园　二期 ” and “软件园 二期” must be equal:
 * half-width, trimmed, whitespace collapsed.
 */
export function normalizeCluster(s: string): string {
  return normalizeName(toHalfWidth(s));
}

/** Coded values (kinds, statuses, 是/否): spacing and width never change the meaning. */
export function normalizeChoice(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
}

/** Length as users count it: characters, not UTF-16 units (so a rare 𠀀 counts once). */
export function charLength(s: string): number {
  return Array.from(s).length;
}
