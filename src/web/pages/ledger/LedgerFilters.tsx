import { Checkbox, Col, Form, Row, Select, TreeSelect } from 'antd';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import { FilterButtons } from '../../components/list/FilterBar.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { COVERAGES, FLAGS, KINDS, type LedgerFilter, SIZE_BAND_CODES, STATUSES } from './filter.ts';
import { industryFilter, industryValue, useIndustryTree } from './useIndustries.ts';

interface FormValues {
  region?: string;
  regionOnly?: boolean;
  scope?: LedgerFilter['scope'];
  coverage?: LedgerFilter['coverage'];
  kind?: string[];
  /** `S:C` for a section, `D:13` for a division: one picker for the two filters. */
  industry?: string;
  sizeBand?: string[];
  aboveScale?: 'true' | 'false';
  category?: LedgerFilter['category'];
  flag?: LedgerFilter['flag'];
  status?: string[];
}

function toForm(f: LedgerFilter): FormValues {
  return {
    region: f.region,
    regionOnly: f.regionOnly === 'true',
    scope: f.scope,
    coverage: f.coverage,
    kind: f.kind,
    industry: industryValue(f),
    sizeBand: f.sizeBand,
    aboveScale: f.aboveScale,
    category: f.category,
    flag: f.flag,
    status: f.status,
  };
}

function fromForm(v: FormValues): LedgerFilter {
  const { section, industry } = industryFilter(v.industry);
  return {
    region: v.region || undefined,
    // 仅本级 means nothing without a region.
    regionOnly: v.region && v.regionOnly ? 'true' : undefined,
    scope: v.scope,
    coverage: v.coverage,
    kind: v.kind,
    section,
    industry,
    sizeBand: v.sizeBand,
    aboveScale: v.aboveScale,
    category: v.category,
    flag: v.flag,
    status: v.status,
  };
}

interface Props {
  filter: LedgerFilter;
  /** The filters the form sets; the name search (`q`) is kept by the caller. */
  onApply: (filter: LedgerFilter) => void;
  /** Clears every filter, the name search too. */
  onReset: () => void;
  vertical: boolean;
}

/** Every filter of the ledger but the name search, applied together by 查询. */
export function LedgerFilters({ filter, onApply, onReset, vertical }: Props) {
  const { t } = useI18n();
  const industries = useIndustryTree();
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  const any = t('ledger.filter.any');
  // Any of a code list's codes (labelled `${prefix}.${code}`), as most of the ledger's filters are.
  const codesItem = (
    name: 'category' | 'flag' | 'status' | 'kind' | 'sizeBand',
    prefix: string,
    codes: readonly string[],
  ) => (
    <Form.Item key={name} name={name} label={t(`ledger.filter.${name}`)}>
      <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={any} options={options(prefix, codes)} />
    </Form.Item>
  );

  const fields = [
    <Form.Item key="region" name="region" label={t('ledger.filter.region')}>
      <UserRegionSelect allowClear placeholder={any} />
    </Form.Item>,
    <Form.Item key="regionOnly" name="regionOnly" valuePropName="checked" label={t('ledger.filter.regionOnly')}>
      <Checkbox>{t('ledger.filter.regionOnlyHint')}</Checkbox>
    </Form.Item>,
    <Form.Item key="scope" name="scope" label={t('ledger.filter.scope')}>
      <Select
        allowClear
        placeholder={t('dashboard.scope.all')}
        options={[{ value: 'survey', label: t('dashboard.scope.survey') }]}
      />
    </Form.Item>,
    <Form.Item key="coverage" name="coverage" label={t('ledger.filter.coverage')}>
      <Select allowClear placeholder={any} options={options('ledger.coverage', COVERAGES)} />
    </Form.Item>,
    codesItem('category', 'category', LEDGER_CATEGORIES),
    codesItem('flag', 'flag', FLAGS),
    codesItem('status', 'regStatus', STATUSES),
    codesItem('kind', 'kind', KINDS),
    <Form.Item key="industry" name="industry" label={t('ledger.filter.industry')}>
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={any}
        treeData={industries.treeData}
        loading={industries.loading}
        styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      />
    </Form.Item>,
    codesItem('sizeBand', 'sizeBand', SIZE_BAND_CODES),
    <Form.Item key="aboveScale" name="aboveScale" label={t('ledger.filter.aboveScale')}>
      <Select
        allowClear
        placeholder={any}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
    </Form.Item>,
  ];

  return (
    <Form<FormValues>
      layout="vertical"
      initialValues={toForm(filter)}
      onFinish={(v) => onApply(fromForm(v))}
      style={{ marginBottom: vertical ? 12 : 0 }}
    >
      <Row gutter={12}>
        {fields.map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={8} xl={6}>
            {f}
          </Col>
        ))}
      </Row>
      <FilterButtons onReset={onReset} />
    </Form>
  );
}
