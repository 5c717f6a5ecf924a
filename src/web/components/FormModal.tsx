import { Modal } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { type FormPanelProps, useFormPanel } from './FormDrawer.tsx';

/** A short form in a modal (end a coverage, record an election …): the form drawer's behaviour in a dialog. */
export function FormModal<V extends object, R>(props: FormPanelProps<V, R>) {
  const { t } = useI18n();
  const { form, mutation, body } = useFormPanel(props);
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText ?? t('common.save')}
      okButtonProps={{ danger: props.danger, loading: mutation.isPending }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}
