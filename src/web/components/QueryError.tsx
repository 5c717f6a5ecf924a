import { Alert, Button } from 'antd';
import { ApiError } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { BackButton } from './BackButton.tsx';

/**
 * A failed load: what went wrong, and what the user can do about it. A record that is not there
 * for this user (404: gone, or outside their scope, which the server does not tell apart) or not
 * theirs to see (403) will not come back by trying again: they get 返回, not 重试.
 */
export function QueryError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <Alert
        type="warning"
        showIcon
        title={error.status === 404 ? t('common.notFound') : t('common.forbidden')}
        description={error.status === 404 ? `${errorText(error)}${t('common.notFoundHint')}` : errorText(error)}
        action={<BackButton fallback="/" />}
      />
    );
  }
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
