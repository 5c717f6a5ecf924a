/** The fields of `body` whose value differs from the record's: what a correction sends (a PATCH). */
export function changedFields<R extends object>(body: Record<string, unknown>, record: R): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k, value]) => value !== record[k as keyof R]));
}
