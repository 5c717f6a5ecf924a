import { Alert, Button } from 'antd';
import { useErrorText, useI18n } from '../i18n/index.tsx';

/** A failed load: what went wrong and a retry. */
export function QueryError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorText(error)}
      action={
        <Button size="small" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
