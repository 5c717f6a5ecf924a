import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

/**
 * 返回 on a detail page: back through the browser history when the user came from a page of ours,
 * else to `fallback` (a link opened in a new tab or typed in has no page of ours behind it).
 */
export function BackButton({ fallback }: { fallback: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => ((window.history.state?.idx ?? 0) > 0 ? navigate(-1) : navigate(fallback))}
    >
      {t('common.back')}
    </Button>
  );
}
