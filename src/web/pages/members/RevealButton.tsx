import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { useReveal } from './useReveal.ts';

/** 显示完整信息 (audited) / 隐藏, for a user with member.reveal. */
export function RevealButton({
  reveal,
  size = 'small',
}: {
  reveal: ReturnType<typeof useReveal>;
  size?: 'small' | 'middle';
}) {
  const { t } = useI18n();
  if (reveal.numbers) {
    return (
      <Button size={size} icon={<EyeInvisibleOutlined />} onClick={reveal.hide}>
        {t('member.reveal.hide')}
      </Button>
    );
  }
  return (
    <Tooltip title={t('member.reveal.audited')}>
      <Button size={size} icon={<EyeOutlined />} loading={reveal.loading} onClick={() => void reveal.reveal()}>
        {t('member.reveal.show')}
      </Button>
    </Tooltip>
  );
}
