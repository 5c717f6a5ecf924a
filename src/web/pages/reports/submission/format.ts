import dayjs from 'dayjs';

/** A stored instant as the user reads it: local date and minute. */
export const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export const STATUS_COLOR = {
  pending: 'default',
  overdue: 'red',
  on_time: 'green',
  late: 'orange',
  returned: 'volcano',
} as const;
