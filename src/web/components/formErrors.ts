// The server names a field by its dotted path (`phone`, `earlyReasons.candidate`, `contacts.1`);
// antd by a list of names. A message about an item of a field (`enterpriseIds.0`) shows under
// the field itself.
import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';

/** The names (dotted) of the fields the form shows now: a message about any other goes to the banner. */
export function shownFields(form: FormInstance): string[] {
  return form.getFieldsError().map((f) => f.name.join('.'));
}

/** The form field (of `fields`, nested ones dotted) a server message is about: itself or the nearest field above it. */
function fieldOf(name: string, fields: readonly string[]): string | undefined {
  return fields.filter((f) => name === f || name.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
}

/** Whether every per-field message of a 400 has its field in the form, so no banner need repeat them. */
export function coversFields(error: unknown, fields: readonly string[]): boolean {
  return (
    error instanceof ApiError &&
    error.details.length > 0 &&
    error.details.every((d) => fieldOf(d.field, fields) !== undefined)
  );
}

/** Puts a 400's per-field messages under the fields they name; returns the first of those fields. */
export function showFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): string[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const byField = new Map<string, string[]>();
  for (const d of error.details) {
    const f = fieldOf(d.field, fields);
    if (f) byField.set(f, [...(byField.get(f) ?? []), d.message]);
  }
  const named = [...byField].map(([f, errors]) => ({ name: f.split('.'), errors }));
  form.setFields(named);
  return named[0]?.name;
}

/** A form's onValuesChange that drops the messages under the fields (nested ones too) the user just changed. */
export function clearChangedErrors(form: FormInstance) {
  return (changed: object) => {
    const names: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      // Into plain objects only: a date (dayjs, `$d`) or a list is one field's value.
      if (value && typeof value === 'object' && !Array.isArray(value) && !('$d' in value)) {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      }
      if (form.getFieldError(path).length > 0) names.push(path);
    };
    for (const [k, v] of Object.entries(changed)) walk(v, [k]);
    if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
  };
}
