import { Col, Form, Row, Select } from 'antd';
import { chosenFilters, FilterButtons } from '../../components/list/FilterBar.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import type { MemberFilter } from './filter.ts';
import { STATUS_CODES, useCodeLabels } from './labels.ts';

interface Props {
  filter: MemberFilter;
  /** The org's name, so the picker shows it before any search. */
  orgName?: string | null;
  /** The filters the form sets; the name search (`q`) is kept by the caller. */
  onApply: (filter: MemberFilter) => void;
  onReset: () => void;
}

/** The filters this form sets (the name search, `side` and the employer come from elsewhere). */
export const FORM_FILTERS = [
  'orgId',
  'regionCode',
  'status',
  'mobile',
  'shouldTransfer',
  'relationElsewhere',
  'roster',
] as const;

/** The filters answered 是 / 否 (any when empty). */
const YES_NO_FILTERS = ['mobile', 'shouldTransfer', 'relationElsewhere'] as const;

/** The roster's filters but the name search, applied together by 查询. */
export function MemberFilters({ filter, orgName, onApply, onReset }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const labels = useCodeLabels();
  const any = t('ledger.filter.any');
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const secretary = user.orgId != null;
  return (
    <Form<MemberFilter>
      name="memberFilter"
      layout="vertical"
      initialValues={filter}
      onFinish={(v) =>
        onApply({
          ...chosenFilters(v, FORM_FILTERS),
          // Set by the links that open the roster, not by this form.
          side: filter.side,
          employerId: filter.employerId,
        })
      }
    >
      <Row gutter={12}>
        {!secretary && (
          <>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="orgId" label={t('member.filter.org')}>
                <OrgPicker initial={filter.orgId ? { id: filter.orgId, name: orgName ?? null } : undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="regionCode" label={t('member.filter.region')}>
                <UserRegionSelect allowClear placeholder={any} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={12} sm={12} lg={secretary ? 6 : 8}>
          <Form.Item name="status" label={t('member.filter.status')}>
            <Select allowClear placeholder={any} options={labels.options('member.status', STATUS_CODES)} />
          </Form.Item>
        </Col>
        {YES_NO_FILTERS.map((name) => (
          <Col key={name} xs={12} sm={8} lg={secretary ? 6 : 8}>
            <Form.Item name={name} label={t(`member.filter.${name}`)}>
              <Select allowClear placeholder={any} options={yesNo} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={12} sm={8} lg={secretary ? 6 : 8}>
          <Form.Item name="roster" label={t('member.filter.roster')}>
            <Select
              allowClear
              placeholder={t('member.roster.active')}
              options={[
                { value: 'left', label: t('member.roster.left') },
                { value: 'all', label: t('member.roster.all') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <FilterButtons onReset={onReset} />
    </Form>
  );
}
