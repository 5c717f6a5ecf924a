import { App, Button, Drawer, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useIsPhone } from './useIsPhone.ts';
import { useRefresh } from './useRefresh.ts';
import { type ServerFormOptions, useServerForm } from './useServerForm.tsx';

export interface FormPanelProps<V, R> extends Omit<ServerFormOptions<V, R>, 'onDone'> {
  title: ReactNode;
  /** Cancel, the close button and, after a save, the panel closes (before `onDone`, which may navigate). */
  onClose: () => void;
  /** The message after a save: a text, or one made from what the server answered. */
  saved?: string | ((result: R, values: V) => string);
  /** The areas (the first part of their query keys) whose cached data a save makes stale. */
  refresh?: string[];
  onDone?: (result: R, values: V) => void;
  initialValues?: Partial<V>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  /** Text above the fields (what the action will do). */
  intro?: ReactNode;
  /** The save button's text; 保存 by default. */
  okText?: string;
  danger?: boolean;
  /** The form's name, which prefixes its field ids: needed when the page has a form with fields of the same names. */
  name?: string;
}

/** The server's error, the intro and the form: the body of a form drawer or modal; after a save, what follows it. */
export function useFormPanel<V extends object, R>(props: FormPanelProps<V, R>) {
  const { onClose, initialValues, children, intro, name, saved, refresh, onDone } = props;
  const { message } = App.useApp();
  const refreshAreas = useRefresh();
  const server = useServerForm<V, R>({
    ...props,
    onDone: (result, values) => {
      onClose();
      if (refresh) refreshAreas(...refresh);
      if (saved) void message.success(typeof saved === 'function' ? saved(result, values) : saved);
      onDone?.(result, values);
    },
  });
  const body = (
    <>
      {server.banner}
      {intro}
      <Form<V> {...server.formProps} name={name} initialValues={initialValues}>
        {typeof children === 'function' ? children(server.form) : children}
      </Form>
    </>
  );
  return { ...server, body };
}

/**
 * A create or edit form in a drawer: full width on a phone, 取消 and 保存 at the foot. It is
 * mounted while open, so closing (cancel or a save) drops what was typed and any error.
 */
export function FormDrawer<V extends object, R>({ width = 520, ...props }: FormPanelProps<V, R> & { width?: number }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const { form, mutation, body } = useFormPanel(props);
  return (
    <Drawer
      open
      title={props.title}
      size={isPhone ? '100%' : width}
      onClose={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={props.danger} loading={mutation.isPending} onClick={() => form.submit()}>
            {props.okText ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {body}
    </Drawer>
  );
}
