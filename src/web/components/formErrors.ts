import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';

/** Whether a 400's per-field messages all belong to `fields`, so no banner need repeat them. */
export function coversFields(error: unknown, fields: readonly string[]): boolean {
  return error instanceof ApiError && error.details.length > 0 && error.details.every((d) => fields.includes(d.field));
}

/** Puts a 400's per-field messages under those of the form's `fields` they name. */
export function showFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): void {
  if (!(error instanceof ApiError)) return;
  const byField = new Map<string, string[]>();
  for (const d of error.details) {
    if (fields.includes(d.field)) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}

/** A form's onValuesChange that drops the server's messages under the fields the user just changed. */
export function clearChangedErrors(form: FormInstance) {
  return (changed: object) => {
    const names = Object.keys(changed).filter((name) => form.getFieldError(name).length > 0);
    if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
  };
}
