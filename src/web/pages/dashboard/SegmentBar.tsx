import { Button, Flex, Select, TreeSelect } from 'antd';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { KINDS, SIZE_BAND_CODES } from '../ledger/filter.ts';
import { industryFilter, industryValue, useIndustryTree } from '../ledger/useIndustries.ts';
import { isWhole, type Segment } from './segment.ts';

/**
 * Narrows every figure of the dashboard to a part of the ledger (rules.md §1): the figures,
 * the bars, the trend and the lists they open all count the same enterprises.
 */
export function SegmentBar({ segment, onChange }: { segment: Segment; onChange: (next: Segment) => void }) {
  const { t } = useI18n();
  const industries = useIndustryTree();
  const set = (patch: Segment) => {
    const next: Record<string, unknown> = { ...segment, ...patch };
    for (const [k, v] of Object.entries(next))
      if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k];
    onChange(next as Segment);
  };
  const width = { minWidth: 150, flex: '1 1 150px', maxWidth: 260 };
  // Any of a code list's codes (kinds, size bands), named as the ledger's filter names it.
  const codesSelect = (name: 'kind' | 'sizeBand', codes: readonly string[]) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      aria-label={t(`ledger.filter.${name}`)}
      placeholder={t(`ledger.filter.${name}`)}
      value={segment[name] ?? []}
      onChange={(v: string[]) => set({ [name]: v })}
      options={codes.map((c) => ({ value: c, label: t(`${name}.${c}` as MessageKey) }))}
      style={width}
    />
  );
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="segment-bar">
      {codesSelect('kind', KINDS)}
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        aria-label={t('ledger.filter.industry')}
        placeholder={t('ledger.filter.industry')}
        value={industryValue(segment)}
        onChange={(v?: string) => set({ section: undefined, industry: undefined, ...industryFilter(v) })}
        treeData={industries.treeData}
        loading={industries.loading}
        style={width}
        styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 280 } } }}
      />
      {codesSelect('sizeBand', SIZE_BAND_CODES)}
      <Select
        allowClear
        aria-label={t('ledger.filter.aboveScale')}
        placeholder={t('ledger.filter.aboveScale')}
        value={segment.aboveScale}
        onChange={(aboveScale?: 'true' | 'false') => set({ aboveScale })}
        options={[
          { value: 'true', label: `${t('ledger.filter.aboveScale')}：${t('common.yes')}` },
          { value: 'false', label: `${t('ledger.filter.aboveScale')}：${t('common.no')}` },
        ]}
        style={width}
      />
      {!isWhole(segment) && <Button onClick={() => onChange({})}>{t('common.reset')}</Button>}
    </Flex>
  );
}
