import { Alert, type AlertProps } from 'antd';
import type { ReactNode } from 'react';

/** An alert whose description lists findings (what is overdue, what was done early …), one a line; nothing when there are none. */
export function ListAlert({
  items,
  ...props
}: Omit<AlertProps, 'description'> & { items: { key: string; text: ReactNode }[]; 'data-testid'?: string }) {
  if (items.length === 0) return null;
  return (
    <Alert
      showIcon
      {...props}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {items.map((i) => (
            <li key={i.key}>{i.text}</li>
          ))}
        </ul>
      }
    />
  );
}
