import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { validateIdNumber } from '../../../domain/idNumber.ts';
import type { MemberStatus } from '../../../domain/org/codes.ts';
import type { Member } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { EmployerPicker } from './EmployerPicker.tsx';
import { CULTIVATION_CODES, EDUCATION_CODES, SEX_CODES, STATUS_CODES, useCodeLabels } from './labels.ts';

export interface MemberFormValues {
  name?: string;
  idNumber?: string;
  sex?: 'male' | 'female' | null;
  status?: MemberStatus;
  joinedOn?: Dayjs | null;
  fullOn?: Dayjs | null;
  orgId?: number | null;
  employerId?: number | null;
  position?: string;
  phone?: string;
  ethnicity?: string;
  education?: string | null;
  relationOrgName?: string;
  cultivation?: string[];
}

/** create: 新增党员; transferIn: the member of a transfer in (their relation is here now); edit: a correction. */
export type MemberFormMode = 'create' | 'transferIn' | 'edit';

const text = (s: string | undefined) => s?.trim() || null;

/** The body of POST /api/members (and of a transfer in, with the letter added). */
export function createBody(v: MemberFormValues) {
  return {
    name: v.name?.trim() ?? '',
    idNumber: v.idNumber?.trim() ?? '',
    sex: v.sex ?? null,
    status: v.status,
    joinedOn: toDay(v.joinedOn),
    fullOn: v.status === 'full' ? toDay(v.fullOn) : null,
    orgId: v.orgId ?? null,
    employerId: v.employerId ?? null,
    position: text(v.position),
    phone: text(v.phone),
    ethnicity: text(v.ethnicity),
    education: v.education ?? null,
    relationOrgName: text(v.relationOrgName),
    cultivation: v.cultivation ?? [],
  };
}

/** The body of PATCH /api/members/{id}: ID and phone only when a new one is typed (the old ones are masked). */
export function editBody(v: MemberFormValues) {
  const { orgId: _org, sex: _sex, idNumber, phone, ...rest } = createBody(v);
  return { ...rest, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) };
}

/** The edit form's starting values: the record's, the masked numbers left out. */
export function editValues(m: Member, fromDay: (s: string | null) => Dayjs | null): MemberFormValues {
  return {
    name: m.name,
    status: m.status,
    joinedOn: fromDay(m.joinedOn),
    fullOn: fromDay(m.fullOn),
    employerId: m.employerId,
    position: m.position ?? '',
    ethnicity: m.ethnicity ?? '',
    education: m.education,
    relationOrgName: m.relationOrgName ?? '',
    cultivation: m.cultivation,
  };
}

/** Birth date and sex as the ID number gives them, once it is a valid number. */
function IdHint({ mode }: { mode: MemberFormMode }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  const value = Form.useWatch('idNumber') as string | undefined;
  const r = value ? validateIdNumber(value) : null;
  if (r?.ok)
    return <>{t('member.form.idDerived', { birthDate: r.birthDate, sex: labels.label('member.sex', r.sex) })}</>;
  return <>{mode === 'edit' ? t('member.form.idKeep') : t('member.form.idHint')}</>;
}

interface Props {
  mode: MemberFormMode;
  /** The record being corrected (edit). */
  member?: Member;
}

/** The fields of a member record, as POST /api/members and PATCH /api/members/{id} take them. */
export function MemberFormFields({ mode, member }: Props) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  const form = Form.useFormInstance<MemberFormValues>();
  const status = Form.useWatch('status', form);
  const span = { xs: 24, sm: 12 };
  return (
    <Row gutter={16}>
      <Col {...span}>
        <Form.Item name="name" label={t('member.field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item
          name="idNumber"
          label={t('member.field.idNumber')}
          rules={mode === 'edit' ? [] : [{ required: true, whitespace: true }]}
          extra={<IdHint mode={mode} />}
        >
          <Input
            maxLength={18}
            autoComplete="off"
            placeholder={mode === 'edit' ? member?.idNumber : undefined}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      </Col>
      {mode !== 'edit' && (
        <Col {...span}>
          <Form.Item name="sex" label={t('member.field.sex')} extra={t('member.form.sexHint')}>
            <Radio.Group options={labels.options('member.sex', SEX_CODES)} />
          </Form.Item>
        </Col>
      )}
      <Col {...span}>
        <Form.Item name="status" label={t('member.field.status')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={labels.options('member.status', STATUS_CODES)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item name="joinedOn" label={t('member.field.joinedOn')} rules={[{ required: true }]}>
          <DatePicker {...datePickerProps} disabledDate={afterToday} />
        </Form.Item>
      </Col>
      {status === 'full' && (
        <Col {...span}>
          <Form.Item name="fullOn" label={t('member.field.fullOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
        </Col>
      )}
      {mode !== 'edit' && (
        <Col xs={24}>
          <Form.Item name="orgId" label={t('member.field.orgId')} rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name="employerId" label={t('member.field.employerId')}>
          <EmployerPicker
            initial={member?.employerId ? { id: member.employerId, name: member.employerName } : undefined}
          />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item name="position" label={t('member.field.position')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item
          name="phone"
          label={t('member.field.phone')}
          extra={mode === 'edit' && member?.phone ? t('member.form.phoneKeep') : undefined}
        >
          <Input maxLength={20} autoComplete="off" placeholder={mode === 'edit' ? (member?.phone ?? '') : undefined} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item name="ethnicity" label={t('member.field.ethnicity')}>
          <Input maxLength={20} placeholder={t('member.form.ethnicityPlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item name="education" label={t('member.field.education')}>
          <Select allowClear options={labels.options('member.education', EDUCATION_CODES)} />
        </Form.Item>
      </Col>
      {mode !== 'transferIn' && (
        <Col xs={24}>
          <Form.Item
            name="relationOrgName"
            label={t('member.field.relationOrgName')}
            extra={t('member.form.relationHint')}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name="cultivation" label={t('member.field.cultivation')}>
          <Checkbox.Group options={labels.options('member.cultivation', CULTIVATION_CODES)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
