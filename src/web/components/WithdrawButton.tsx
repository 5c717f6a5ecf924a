import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { request } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { useRefresh } from './useRefresh.ts';

/**
 * 撤销: withdraws a mistaken entry after a confirmation (the server deletes it and keeps what
 * it said in the audit trail), then refreshes the areas that show it.
 */
export function WithdrawButton({
  path,
  confirm,
  areas,
  testId,
}: {
  /** The DELETE route of the entry. */
  path: string;
  /** What the confirmation asks; the default names a mistaken entry. */
  confirm?: string;
  areas: string[];
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const withdraw = useMutation({
    mutationFn: () => request('DELETE', path),
    onSuccess: () => {
      void message.success(t('achievements.withdrawn'));
      refresh(...areas);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Popconfirm title={confirm ?? t('achievements.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
      <Button type="link" size="small" danger style={{ padding: 0 }} loading={withdraw.isPending} data-testid={testId}>
        {t('achievements.withdraw')}
      </Button>
    </Popconfirm>
  );
}
