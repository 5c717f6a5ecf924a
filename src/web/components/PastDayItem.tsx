import { DatePicker, Form } from 'antd';
import type { ReactNode } from 'react';
import { afterToday, datePickerProps, fromDay } from '../pages/orgs/dates.ts';

/**
 * A required form field for the day something happened: never after today (the server refuses
 * it), nor before `notBefore` (the day the record it ends or follows began).
 */
export function PastDayItem({
  name,
  label,
  extra,
  notBefore,
}: {
  name: string;
  label: string;
  extra?: ReactNode;
  notBefore?: string | null;
}) {
  const from = fromDay(notBefore);
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true }]}>
      <DatePicker
        {...datePickerProps}
        disabledDate={(d) => afterToday(d) || (from ? d.isBefore(from, 'day') : false)}
      />
    </Form.Item>
  );
}
