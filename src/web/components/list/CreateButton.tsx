import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import type { CreateForm } from './useCreateForm.ts';

/** A list page's main action (新增…), opening its create form; nothing where the user may not create. */
export function CreateButton({
  form,
  icon = <PlusOutlined />,
  children,
}: {
  form: CreateForm;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    form.allowed && (
      <Button type="primary" icon={icon} onClick={() => form.setOpen(true)}>
        {children}
      </Button>
    )
  );
}
