import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useRegionNames } from '../orgs/useRegionNames.ts';
import { useLedgerLabels } from './labels.ts';
import { useIndustries } from './useIndustries.ts';

/**
 * A field's value in an enterprise's history or an import's diff, as the user reads it:
 * a region and an industry by their names, no coverage as 未覆盖, and the ledger's labels
 * for codes and flags. `changes` are the entries shown, whose region codes are looked up.
 */
export function useHistoryValue(changes: { field: string; before?: unknown; after?: unknown }[]) {
  const { t, lang } = useI18n();
  const labels = useLedgerLabels();
  const codes = changes
    .filter((c) => c.field === 'regionCode')
    .flatMap((c) => [c.before, c.after])
    .filter((v): v is string => typeof v === 'string');
  const regionName = useRegionNames(codes);
  const industries = useIndustries().data;
  return useCallback(
    (field: string, v: unknown): string => {
      if (field === 'regionCode' && typeof v === 'string') return regionName(v);
      if (field === 'industryCode' && typeof v === 'string') {
        const i = industries?.find((x) => x.code === v);
        if (i) return `${v} ${lang === 'en-US' ? i.nameEn : i.name}`;
      }
      if (field === 'orgCoverage' && v === null) return t('coverage.none');
      return labels.value(field, v);
    },
    [regionName, industries, lang, labels, t],
  );
}
