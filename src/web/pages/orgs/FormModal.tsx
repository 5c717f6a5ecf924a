import { useMutation } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';

interface Props<V, R> {
  title: ReactNode;
  onClose: () => void;
  /** The form's fields, by the names the API's per-field messages use. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  submit: (values: V) => Promise<R>;
  onDone: (result: R, values: V) => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  okText?: string;
  danger?: boolean;
  /** Text above the fields (what the action will do). */
  intro?: ReactNode;
}

/** A small form in a modal (end a coverage, record an election …): the server's field messages show under the fields. */
export function FormModal<V extends object, R>({
  title,
  onClose,
  fields,
  initialValues,
  submit,
  onDone,
  children,
  okText,
  danger,
  intro,
}: Props<V, R>) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<V>();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result, values) => {
      onDone(result, values);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, fields),
  });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      okButtonProps={{ danger, loading: mutation.isPending }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {intro}
      {mutation.isError && !coversFields(mutation.error, fields) && (
        <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={clearChangedErrors(form)}
        disabled={mutation.isPending}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
