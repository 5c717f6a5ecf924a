import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  TreeSelect,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FORMATIONS, POLITICAL_STATUSES, REGISTRATION_STATUSES } from '../../../domain/enterprise/codes.ts';
import type { ApiResponse, Enterprise } from '../../api/types.ts';
import { api } from '../../api.ts';
import { coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { changedFields, EDITABLE, type EditValues, initialValues } from './editPatch.ts';
import { KINDS } from './filter.ts';
import { useLedgerLabels } from './labels.ts';
import { useIndustries } from './useIndustries.ts';

const STATUSES = REGISTRATION_STATUSES.map((s) => s.code);
const POLITICAL = POLITICAL_STATUSES.map((s) => s.code);
const FORMATION_CODES = FORMATIONS.map((s) => s.code);

type FormValues = Omit<EditValues, 'foundedOn'> & { foundedOn?: Dayjs | null };

interface Props {
  enterprise: Enterprise;
  onClose: () => void;
}

/** Correcting an enterprise: the import's rules apply on the server, whose per-field messages show under the fields. */
export function EnterpriseEditDrawer({ enterprise, onClose }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const labels = useLedgerLabels();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const user = useUser();
  const client = useQueryClient();
  const industries = useIndustries();
  const [form] = Form.useForm<FormValues>();

  const save = useMutation({
    mutationFn: (patch: EditValues) =>
      api.patch<ApiResponse<'/api/enterprises/{id}', 'patch'>>(`/api/enterprises/${enterprise.id}`, patch),
    onSuccess: ({ changed }) => {
      void client.invalidateQueries({ queryKey: ['ledger'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void message.success(
        changed.length
          ? t('enterprise.saved', { fields: changed.map((f) => labels.field(f)).join(t('common.listSeparator')) })
          : t('enterprise.noChanges'),
      );
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, EDITABLE),
  });

  const submit = (v: FormValues) => {
    const patch = changedFields(enterprise, { ...v, foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null });
    if (Object.keys(patch).length === 0) {
      void message.info(t('enterprise.noChanges'));
      onClose();
      return;
    }
    save.mutate(patch);
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
    <Drawer
      open
      title={t('enterprise.editTitle', { name: enterprise.name })}
      size={isPhone ? '100%' : 560}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.isError && !coversFields(save.error, EDITABLE) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ ...initial, foundedOn: initial.foundedOn ? dayjs(String(initial.foundedOn)) : null }}
        onFinish={submit}
        disabled={save.isPending}
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
      </Form>
    </Drawer>
  );
}
