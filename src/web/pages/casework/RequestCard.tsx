import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseRequest } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { categoryKey, STATUS_COLORS, statusKey, VALUE_KEYS } from './labels.ts';

/** The values a request obtained, as “争取资金（万元） 50 · 帮助招工（人） 2”. */
export function useValuesText() {
  const { t } = useI18n();
  return (r: CaseRequest) =>
    VALUE_KEYS.filter((k) => (r[k] ?? 0) > 0)
      .map((k) => `${t(`request.value.${k}`)} ${r[k]}`)
      .join(' · ');
}

/** One request as a card: where it stands, since when, and what it obtained. */
export function RequestCard({
  r,
  silentDays,
  showStatus = true,
}: {
  r: CaseRequest;
  silentDays: number;
  showStatus?: boolean;
}) {
  const { t } = useI18n();
  const values = useValuesText()(r);
  return (
    <Card size="small" data-testid="request-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <Link to={`/casework/requests/${r.id}`} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
            {r.enterpriseName}
          </Link>
          {showStatus && (
            <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }} data-testid="request-status">
              {t(statusKey(r.status))}
            </Tag>
          )}
        </Flex>
        <Flex wrap gap={4}>
          <Tag>{t(categoryKey(r.category))}</Tag>
          {r.silent && <Tag color="red">{t('request.silent', { days: silentDays })}</Tag>}
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {r.description}
        </Typography.Paragraph>
        {values && <Typography.Text type="success">{values}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.instructorName} · {t('request.receivedOn')} {r.receivedOn} · {t('request.lastUpdateOn')} {r.lastUpdateOn}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
