import { CalendarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

/** 记录会议 on a secretary's home: one tap to the phone form of their org. */
export function RecordMeetingButton({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  if (!can('orglife.write')) return null;
  return (
    <Button
      type="primary"
      size="large"
      block
      icon={<CalendarOutlined />}
      onClick={() => navigate(`/meetings/new/${orgId}`)}
      style={{ marginBottom: 16 }}
      data-testid="record-meeting"
    >
      {t('orglife.record')}
    </Button>
  );
}
