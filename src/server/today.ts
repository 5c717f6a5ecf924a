import { localDateString } from '../domain/calendarDate.ts';

/** Today's date where the server runs (北京时间 in production): the date figures default to. */
export function today(): string {
  return localDateString(new Date());
}
