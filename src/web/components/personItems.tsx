// Form items of a person's record (an instructor, a pool secretary) that work the same way for each.
import { DatePicker, Form, Input } from 'antd';
import { afterToday, datePickerProps } from '../pages/orgs/dates.ts';

/**
 * The phone, typed in full only to register or change it: the server sends it back masked, so
 * the current one is shown beside the hint, never put in the box (and never sent back).
 */
export function PhoneItem({ label, hint, masked }: { label: string; hint: string; masked?: string | null }) {
  return (
    <Form.Item name="phone" label={label} extra={masked ? `${masked} · ${hint}` : hint}>
      <Input inputMode="tel" maxLength={20} autoComplete="off" />
    </Form.Item>
  );
}

/** The day the person left (today or before); only an existing record has it. */
export function LeftOnItem({ label, hint }: { label: string; hint: string }) {
  return (
    <Form.Item name="leftOn" label={label} extra={hint}>
      <DatePicker {...datePickerProps} disabledDate={afterToday} />
    </Form.Item>
  );
}
