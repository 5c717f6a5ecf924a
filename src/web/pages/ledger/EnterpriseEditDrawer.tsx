import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  FORMATIONS,
  INTERMEDIARY_KINDS,
  OWNERSHIPS,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
} from '../../../domain/enterprise/codes.ts';
import type { ApiResponse, Enterprise } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { changedFields, type EditValues, initialValues } from './editPatch.ts';
import { KINDS } from './filter.ts';
import { useLedgerLabels } from './labels.ts';
import { useIndustries } from './useIndustries.ts';

const STATUSES = REGISTRATION_STATUSES.map((s) => s.code);
const POLITICAL = POLITICAL_STATUSES.map((s) => s.code);
const FORMATION_CODES = FORMATIONS.map((s) => s.code);
const OWNERSHIP_CODES = OWNERSHIPS.map((s) => s.code);
const INTERMEDIARY_CODES = INTERMEDIARY_KINDS.map((s) => s.code);

type FormValues = Omit<EditValues, 'foundedOn'> & { foundedOn?: Dayjs | null };

interface Props {
  enterprise: Enterprise;
  onClose: () => void;
}

/** Correcting an enterprise: the import's rules apply on the server, whose per-field messages show under the fields. */
export function EnterpriseEditDrawer({ enterprise, onClose }: Props) {
  const { t, lang } = useI18n();
  const labels = useLedgerLabels();
  const { message } = App.useApp();
  const user = useUser();
  const client = useQueryClient();
  const industries = useIndustries();

  // Nothing changed: no request, and null tells onDone so.
  const save = async (v: FormValues) => {
    const patch = changedFields(enterprise, { ...v, foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null });
    if (Object.keys(patch).length === 0) return null;
    return api.patch<ApiResponse<'/api/enterprises/{id}', 'patch'>>(`/api/enterprises/${enterprise.id}`, patch);
  };

  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];
  const industryTree = (industries.data ?? [])
    .filter((i) => i.isSection)
    .map((s) => ({
      value: s.code,
      title: `${s.code} ${lang === 'en-US' ? s.nameEn : s.name}`,
      children: (industries.data ?? [])
        .filter((d) => !d.isSection && d.section === s.code)
        .map((d) => ({ value: d.code, title: `${d.code} ${lang === 'en-US' ? d.nameEn : d.name}` })),
    }));
  const initial = initialValues(enterprise);
  const number = { min: 0, precision: 0, style: { width: '100%' } };

  return (
    <FormDrawer
      title={t('enterprise.editTitle', { name: enterprise.name })}
      width={560}
      onClose={onClose}
      initialValues={{ ...initial, foundedOn: initial.foundedOn ? dayjs(String(initial.foundedOn)) : null }}
      submit={save}
      onDone={(r) => {
        if (!r) {
          void message.info(t('enterprise.noChanges'));
          return;
        }
        void client.invalidateQueries({ queryKey: ['ledger'] });
        void client.invalidateQueries({ queryKey: ['dashboard'] });
        void message.success(
          r.changed.length
            ? t('enterprise.saved', { fields: r.changed.map((f) => labels.field(f)).join(t('common.listSeparator')) })
            : t('enterprise.noChanges'),
        );
      }}
    >
      <Form.Item name="name" label={t('enterprise.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('enterprise.field.kind')} rules={[{ required: true }]}>
        <Select options={options('kind', KINDS)} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('enterprise.field.regionCode')} rules={[{ required: true }]}>
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <Form.Item name="industryCode" label={t('enterprise.field.industryCode')}>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeData={industryTree}
          loading={industries.isPending}
          styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="employees" label={t('enterprise.field.employees')} rules={[{ required: true }]}>
            <InputNumber {...number} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="memberCount" label={t('enterprise.field.memberCount')} rules={[{ required: true }]}>
            <InputNumber {...number} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="fullMemberCount"
            label={t('enterprise.field.fullMemberCount')}
            tooltip={enterprise.fullMemberEstimated ? t('enterprise.fullMemberHint') : undefined}
          >
            <InputNumber {...number} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="registrationStatus" label={t('enterprise.field.registrationStatus')}>
        <Select options={options('regStatus', STATUSES)} />
      </Form.Item>
      <Form.Item name="aboveScale" label={t('enterprise.field.aboveScale')}>
        <Select options={yesNo} />
      </Form.Item>
      <Form.Item name="ownerName" label={t('enterprise.field.ownerName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="ownerPoliticalStatus" label={t('enterprise.field.ownerPoliticalStatus')}>
        <Select allowClear options={options('political', POLITICAL)} />
      </Form.Item>
      <Form.Item name="phone" label={t('enterprise.field.phone')} extra={t('enterprise.phoneHint')}>
        <Input
          maxLength={20}
          inputMode="tel"
          autoComplete="off"
          placeholder={enterprise.phone ? t('enterprise.phonePlaceholder', { phone: enterprise.phone }) : undefined}
        />
      </Form.Item>
      <Form.Item name="cluster" label={t('enterprise.field.cluster')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('enterprise.field.foundedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reportedHasOrg" label={t('enterprise.field.reportedHasOrg')}>
        <Select allowClear options={yesNo} />
      </Form.Item>
      <Form.Item name="reportedFormation" label={t('enterprise.field.reportedFormation')}>
        <Select allowClear options={options('formation', FORMATION_CODES)} />
      </Form.Item>
      <Form.Item name="hasUnion" label={t('enterprise.field.hasUnion')}>
        <Select allowClear options={yesNo} />
      </Form.Item>
      <Form.Item name="hasLeague" label={t('enterprise.field.hasLeague')}>
        <Select allowClear options={yesNo} />
      </Form.Item>
      {/* The 年报 tables' unit facts (docs/annual-tables.md). */}
      <Form.Item
        name="legalPerson"
        label={t('enterprise.field.legalPerson')}
        extra={t('enterprise.legalPersonDefault')}
      >
        <Select allowClear options={yesNo} />
      </Form.Item>
      <Form.Item
        name="staffOnPost"
        label={t('enterprise.field.staffOnPost')}
        extra={t('enterprise.staffOnPostDefault')}
      >
        <InputNumber {...number} />
      </Form.Item>
      <Form.Item name="ownership" label={t('enterprise.field.ownership')}>
        <Select allowClear options={options('ownership', OWNERSHIP_CODES)} />
      </Form.Item>
      <Form.Item name="intermediaryKind" label={t('enterprise.field.intermediaryKind')}>
        <Select allowClear options={options('intermediary', INTERMEDIARY_CODES)} />
      </Form.Item>
    </FormDrawer>
  );
}
