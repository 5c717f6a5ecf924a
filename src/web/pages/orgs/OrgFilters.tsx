import { Col, Form, Row, Select } from 'antd';
import { FORMATIONS } from '../../../domain/org/codes.ts';
import { FilterButtons } from '../../components/list/FilterBar.tsx';
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
  return (
    <Form<OrgFilter>
      layout="vertical"
      initialValues={filter}
      onFinish={(v) =>
        onApply({
          regionCode: v.regionCode || undefined,
          type: v.type || undefined,
          formation: v.formation || undefined,
          status: v.status || undefined,
        })
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="regionCode" label={t('org.filter.region')}>
            <UserRegionSelect allowClear placeholder={any} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="type" label={t('org.filter.type')}>
            <Select allowClear placeholder={any} options={options('orgType', ORG_TYPE_CODES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="formation" label={t('org.filter.formation')}>
            <Select allowClear placeholder={any} options={options('formation', FORMATION_CODES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={t('org.filter.status')}>
            <Select allowClear placeholder={any} options={options('org.status', STATUSES)} />
          </Form.Item>
        </Col>
      </Row>
      <FilterButtons onReset={onReset} />
    </Form>
  );
}
