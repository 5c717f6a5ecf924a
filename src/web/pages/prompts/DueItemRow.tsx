import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PromptItem } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LEVEL_COLORS, levelKey } from './sections.ts';

/**
 * One due item, as the work prompts and the to-do page list it: its level, a link to its
 * record, what is due, and the date (under the text on a phone, beside it on a desktop).
 */
export function DueItemRow({
  item,
  href,
  testId,
}: {
  item: Pick<PromptItem, 'level' | 'title' | 'message' | 'dueOn'>;
  href: string;
  testId: string;
}) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const due = item.dueOn && (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: isPhone ? 12 : undefined }}>
      {t('prompts.dueOn', { date: item.dueOn })}
    </Typography.Text>
  );
  return (
    <Flex
      component="li"
      gap={12}
      justify="space-between"
      align="flex-start"
      style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
      data-testid={testId}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex wrap gap={4} align="center">
          <Tag color={LEVEL_COLORS[item.level]} style={{ marginInlineEnd: 4 }}>
            {t(levelKey(item.level))}
          </Tag>
          <Link to={href} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
            {item.title}
          </Link>
        </Flex>
        <Typography.Text type="secondary">{item.message}</Typography.Text>
        {isPhone && due}
      </Flex>
      {!isPhone && due}
    </Flex>
  );
}
