import { Col, Form, Row, Select } from 'antd';
import { FORMATIONS } from '../../../domain/org/codes.ts';
import { chosenFilters, FilterButtons } from '../../components/list/FilterBar.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { OrgFilter } from './filter.ts';
import { ORG_TYPE_CODES, useCodeOptions } from './OrgProfileFields.tsx';

const FORMATION_CODES = FORMATIONS.map((f) => f.code);
const STATUSES = ['active', 'dissolved'] as const;

interface Props {
  filter: OrgFilter;
  /** The filters the form sets; the name search (`q`) is kept by the caller. */
  onApply: (filter: OrgFilter) => void;
  onReset: () => void;
}

/** The org list's filters but the name search, applied together by 查询. */
export function OrgFilters({ filter, onApply, onReset }: Props) {
  const { t } = useI18n();
  const options = useCodeOptions();
  const any = t('ledger.filter.any');
  // One code of a code list (any when empty).
  const codeFilter = (name: 'type' | 'formation' | 'status', prefix: string, codes: readonly string[]) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item name={name} label={t(`org.filter.${name}`)}>
        <Select allowClear placeholder={any} options={options(prefix, codes)} />
      </Form.Item>
    </Col>
  );
  return (
    <Form<OrgFilter>
      layout="vertical"
      initialValues={filter}
      onFinish={(v) => onApply(chosenFilters(v, ['regionCode', 'type', 'formation', 'status']))}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="regionCode" label={t('org.filter.region')}>
            <UserRegionSelect allowClear placeholder={any} />
          </Form.Item>
        </Col>
        {codeFilter('type', 'orgType', ORG_TYPE_CODES)}
        {codeFilter('formation', 'formation', FORMATION_CODES)}
        {codeFilter('status', 'org.status', STATUSES)}
      </Row>
      <FilterButtons onReset={onReset} />
    </Form>
  );
}
