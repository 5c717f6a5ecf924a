import { Form, Input } from 'antd';

/** The free-text 备注 of a record (at most 200 characters, as the server's schemas allow). */
export function NoteItem({ label }: { label: string }) {
  return (
    <Form.Item name="note" label={label}>
      <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
    </Form.Item>
  );
}
