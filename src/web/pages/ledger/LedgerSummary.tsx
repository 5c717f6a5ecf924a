import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import type { LedgerList } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type LedgerFilter, ledgerHref } from './filter.ts';

/**
 * The total the filter matches and, of those in scope, how many fall in each category;
 * each count narrows the list to its category.
 */
export function LedgerSummary({ data, filter }: { data: LedgerList | undefined; filter: LedgerFilter }) {
  const { t } = useI18n();
  if (!data) return null;
  const inScope = LEDGER_CATEGORIES.reduce((n, c) => n + (data.categories[c] ?? 0), 0);
  return (
    <Flex wrap gap="4px 12px" align="baseline" style={{ marginBottom: 12 }}>
      <Typography.Text strong data-testid="ledger-total">
        {t('ledger.total', { total: data.total.toLocaleString() })}
      </Typography.Text>
      <Typography.Text type="secondary">{t(inScope ? 'ledger.summary' : 'ledger.summaryNone')}</Typography.Text>
      {inScope > 0 &&
        LEDGER_CATEGORIES.map((c) => (
          <Link key={c} to={ledgerHref({ ...filter, category: [c] })} data-testid={`summary-${c}`}>
            {t('ledger.summaryItem', {
              label: t(`category.${c}`),
              count: (data.categories[c] ?? 0).toLocaleString(),
            })}
          </Link>
        ))}
    </Flex>
  );
}
