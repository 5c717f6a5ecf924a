import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CoverageSettings } from '../../../domain/stats/coverage.ts';
import type { Enterprise } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Flag } from './filter.ts';
import { CATEGORY_COLORS, enterpriseFlags, FLAG_COLORS, flagKey, useLedgerLabels } from './labels.ts';

/** The ledger category of an in-scope enterprise; for one out of scope, its registration status. */
export function CategoryTag({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  if (!enterprise.inScope || !enterprise.category) {
    return (
      <Tag>
        {t('ledger.outOfScope')} · {labels.code('regStatus', enterprise.registrationStatus)}
      </Tag>
    );
  }
  return <Tag color={CATEGORY_COLORS[enterprise.category]}>{labels.code('category', enterprise.category)}</Tag>;
}

/** The deployment's 重点盯住 head count (the statistics settings, cached as the settings page keeps them). */
function useKeyWatchEmployees(): number | null {
  const path = '/api/settings/coverage';
  const query = useQuery({
    queryKey: ['settings', path],
    queryFn: () => api.get<CoverageSettings>(path),
    staleTime: 60_000,
  });
  return query.data?.keyWatchEmployees ?? null;
}

/** 重点盯住, 需选派指导员, 待核实 and an estimated full-member count (or `only` those of them). */
export function FlagTags({ enterprise, only }: { enterprise: Enterprise; only?: Flag[] }) {
  const { t } = useI18n();
  const keyWatchEmployees = useKeyWatchEmployees();
  return (
    <>
      {enterpriseFlags(enterprise, keyWatchEmployees)
        .filter((f) => !only || only.includes(f))
        .map((f) => (
          <Tag key={f} color={FLAG_COLORS[f]}>
            {t(flagKey(f))}
          </Tag>
        ))}
    </>
  );
}

/** An enterprise in a list: its name, linking to its ledger page, over its credit code. */
export function EnterpriseName({ id, name, uscc }: { id: number; name: string; uscc: string | null }) {
  return (
    <Flex vertical>
      <Link to={`/ledger/${id}`}>{name}</Link>
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
        {uscc}
      </Typography.Text>
    </Flex>
  );
}
