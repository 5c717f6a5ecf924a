// The edit form's values against the record they started from: only what the user changed
// goes to PATCH /api/enterprises/{id}, so a field left alone is never rewritten (the masked
// phone above all).
import { COLUMN_KEYS, type ColumnKey } from '../../../domain/enterprise/columns.ts';
import type { Enterprise } from '../../api/types.ts';

/** Every import column but the uscc, which identifies the enterprise and is never edited. */
export type Editable = Exclude<ColumnKey, 'uscc'>;
export const EDITABLE = COLUMN_KEYS.filter((k): k is Editable => k !== 'uscc');
export type EditValues = Partial<Record<Editable, string | number | boolean | null>>;

/** '' and undefined mean "nothing", as null does; text is compared trimmed. */
function normal(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  return v as number | boolean;
}

/** The form's starting values: the record as it is, but the phone empty (it is shown masked). */
export function initialValues(e: Enterprise): EditValues {
  const values: EditValues = {};
  for (const k of EDITABLE) values[k] = k === 'phone' ? null : (e[k] as EditValues[Editable]);
  return values;
}

/** The fields whose value the user changed, with their new values; a phone only when one was typed. */
export function changedFields(e: Enterprise, values: EditValues): EditValues {
  const patch: EditValues = {};
  for (const k of EDITABLE) {
    const after = normal(values[k]);
    if (k === 'phone') {
      if (after !== null) patch.phone = after;
      continue;
    }
    if (after !== normal(e[k])) patch[k] = after;
  }
  return patch;
}
