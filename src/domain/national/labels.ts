// The label of a national code, for screens and files: a code is never shown bare.
import type { Choice } from '../enterprise/codes.ts';

/** The label of `code` in `list`; an unknown code (a list grown upstream) is shown with its code. */
export function nationalLabel(list: readonly Choice<string>[], code: string | null): string | null {
  if (code === null) return null;
  return list.find((c) => c.code === code)?.label ?? `未知代码 ${code}`;
}
