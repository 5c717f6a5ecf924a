import { HttpError } from '../errors.ts';

/** A 400 naming the field and the rule, in Chinese, as every form and import shows it. */
export function invalid(field: string, message: string): never {
  throw new HttpError(400, 'validation', message, [{ field, message }]);
}
