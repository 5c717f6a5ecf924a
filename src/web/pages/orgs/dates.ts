// Calendar days as the org API takes them (YYYY-MM-DD) and as antd's DatePicker holds them.
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export const toDay = (d: Dayjs | null | undefined): string | null => (d ? d.format(DATE_FORMAT) : null);
export const fromDay = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** The server refuses dates after today for what has happened (establishment, elections, ends). */
export const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The props every date field of the org pages shares. */
export const datePickerProps = { format: DATE_FORMAT, style: { width: '100%' } } as const;
