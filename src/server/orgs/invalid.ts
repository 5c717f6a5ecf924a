import { HttpError } from '../errors.ts';
import { today } from '../today.ts';

/** A 400 naming the field and the rule, in Chinese, as every form and import shows it. */
export function invalid(field: string, message: string): never {
  throw new HttpError(400, 'validation', message, [{ field, message }]);
}

/**
 * The system records a fact on the day it happens, so a date after today is refused, naming
 * the field; `hint` says what to do instead.
 */
export function notAfterToday(
  field: string,
  label: string,
  date: string,
  opts: { today?: string; hint?: string } = {},
) {
  if (date > (opts.today ?? today())) invalid(field, `${label}（${date}）晚于今天${opts.hint ? `；${opts.hint}` : ''}`);
}
