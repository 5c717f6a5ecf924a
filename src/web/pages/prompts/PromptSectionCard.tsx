import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MASS_ORG_PROMPT_MIN_EMPLOYEES } from '../../../domain/enterprise/categories.ts';
import type { PromptSection } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DueItemRow } from './DueItemRow.tsx';
import { itemHref, LEVEL_COLORS, listHref, SECTION_HINTS, SECTION_TITLES, topLevel } from './sections.ts';

/** Items shown before 展开: enough to act on, short enough that every section stays in view. */
const FIRST = 5;

/**
 * One section of the work prompts: its title and count, the first items (all of them on
 * 展开), and for an enterprise section the ledger list of all of them. An empty section is
 * folded to its title and “无”.
 */
export function PromptSectionCard({ section }: { section: PromptSection }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const { key, total, items, listFilter } = section;
  const level = topLevel(section);
  const shown = all ? items : items.slice(0, FIRST);

  const title = (
    <Flex wrap gap={8} align="center">
      <span>{t(SECTION_TITLES[key])}</span>
      {total > 0 ? (
        <Tag color={level ? LEVEL_COLORS[level] : undefined} style={{ marginInlineEnd: 0 }} data-testid="prompt-count">
          {total.toLocaleString()}
        </Tag>
      ) : (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="prompt-count">
          {t('common.none')}
        </Typography.Text>
      )}
    </Flex>
  );
  const viewAll = listFilter && total > 0 && (
    <Link to={listHref(listFilter)}>
      {t('prompts.viewAll')} <RightOutlined style={{ fontSize: 10 }} />
    </Link>
  );

  return (
    <Card
      size="small"
      title={title}
      extra={viewAll}
      style={{ marginBottom: 12 }}
      // An empty section is its title bar alone.
      styles={total === 0 ? { body: { display: 'none' } } : { body: { paddingTop: 4 } }}
      data-testid={`prompt-section-${key}`}
    >
      {total > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            {t(SECTION_HINTS[key], { n: MASS_ORG_PROMPT_MIN_EMPLOYEES })}
          </Typography.Paragraph>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {/* One record may have several items (three 三同步 items, steps of development): the message tells them apart. */}
            {shown.map((item) => (
              <DueItemRow
                key={`${item.link.type}-${item.link.id}-${item.message}`}
                item={item}
                href={itemHref(item.link)}
                testId="prompt-item"
              />
            ))}
          </ul>
          <Flex wrap gap={8} align="center" justify="space-between">
            {items.length > FIRST ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>
                {t(all ? 'prompts.showFewer' : 'prompts.showAll', { count: items.length - FIRST })}
              </Button>
            ) : (
              <span />
            )}
            {/* The server sends the first of a long section; an enterprise section has the ledger list for the rest. */}
            {total > items.length && !listFilter && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('prompts.firstOnly', { shown: items.length, total: total.toLocaleString() })}
              </Typography.Text>
            )}
          </Flex>
        </>
      )}
    </Card>
  );
}
