import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  type ColProps,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { addMonths } from '../../../domain/calendarDate.ts';
import {
  ACTIVIST_MIN_MONTHS,
  DEVELOPMENT_STEP_DATES,
  EXTENSION_MAX_MONTHS,
  EXTENSION_MIN_MONTHS,
  probationEnd,
} from '../../../domain/org/development.ts';
import type { ApiResponse, Development } from '../../api/types.ts';
import { ApiError, api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { EmployerPicker } from '../members/EmployerPicker.tsx';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { NamesInput } from './NamesInput.tsx';

const DATE_FIELDS = DEVELOPMENT_STEP_DATES;
type DateField = (typeof DATE_FIELDS)[number];

/** The date that settles an overdue step: its hint turns red while the step is overdue. */
const OVERDUE_FIELD: Partial<Record<DateField, readonly string[]>> = {
  talkedOn: ['talk'],
  approvedOn: ['approval'],
  // The conversion is due by one date, whether the meeting or the approval is missing.
  fullApprovedOn: ['full_meeting', 'full_approval'],
};

/** The steps whose minimum interval a record may beat with a written reason. */
const EARLY_STEPS = ['candidate', 'full_meeting'] as const;
type EarlyStep = (typeof EARLY_STEPS)[number];

type Values = Partial<Record<DateField, Dayjs | null>> & {
  employerId?: number | null;
  contacts?: string[];
  introducers?: string[];
  trainingDays?: number | null;
  trainingHours?: number | null;
  extensionMonths?: number;
  earlyReasons?: Partial<Record<EarlyStep, string>>;
};

/** The form's fields, by the names (dotted) the server's per-field messages use. */
const FIELDS = [
  ...DATE_FIELDS,
  'employerId',
  'contacts',
  'introducers',
  'trainingDays',
  'trainingHours',
  'extensionMonths',
  'earlyReasons.candidate',
  'earlyReasons.full_meeting',
];

function valuesOf(d: Development): Values {
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, fromDay(d[f])])) as Record<DateField, Dayjs | null>;
  return {
    ...dates,
    employerId: d.employerId,
    contacts: d.contacts,
    introducers: d.introducers,
    trainingDays: d.trainingDays,
    trainingHours: d.trainingHours,
    extensionMonths: d.extensionMonths,
    earlyReasons: { candidate: d.earlyReasons.candidate ?? '', full_meeting: d.earlyReasons.full_meeting ?? '' },
  };
}

const names = (list: string[] | undefined) => (list ?? []).map((n) => n.trim()).filter(Boolean);

function bodyOf(v: Values, shownReasons: Set<EarlyStep>) {
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, toDay(v[f])]));
  return {
    ...dates,
    appliedOn: toDay(v.appliedOn) ?? undefined,
    employerId: v.employerId ?? null,
    contacts: names(v.contacts),
    introducers: names(v.introducers),
    trainingDays: v.trainingDays ?? null,
    trainingHours: v.trainingHours ?? null,
    extensionMonths: v.extensionMonths ?? 0,
    earlyReasons: Object.fromEntries(
      EARLY_STEPS.map((s) => [s, shownReasons.has(s) ? v.earlyReasons?.[s]?.trim() || null : null]),
    ),
  };
}

/** The steps the dates now on the form take sooner than their minimum interval (rules.md §6). */
function earlySteps(v: Values): Set<EarlyStep> {
  const early = new Set<EarlyStep>();
  const activist = toDay(v.activistOn);
  const candidate = toDay(v.candidateOn);
  if (activist && candidate && candidate >= activist && candidate < addMonths(activist, ACTIVIST_MIN_MONTHS)) {
    early.add('candidate');
  }
  const admitted = toDay(v.admittedOn);
  const meeting = toDay(v.fullMeetingOn);
  const ends = admitted ? probationEnd({ admittedOn: admitted, extensionMonths: v.extensionMonths ?? 0 }) : undefined;
  if (admitted && meeting && ends && meeting >= admitted && meeting < ends) early.add('full_meeting');
  return early;
}

interface Props {
  development: Development;
  /** Closed, or the user may only read: the form shows, it does not save. */
  readOnly: boolean;
  onSaved: (development: Development) => void;
}

/** The stages of one record: dates, contact persons, introducers, training, extension; a reason for a step taken early. */
export function DevelopmentForm({ development: d, readOnly, onSaved }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form) as Values | undefined;
  const early = earlySteps(watched ?? valuesOf(d));
  // A reason field shows for a step the dates make early, or that has one stored, or the server asked about.
  const [asked, setAsked] = useState<ReadonlySet<string>>(new Set());
  const reasonShown = (s: EarlyStep) => early.has(s) || Boolean(d.earlyReasons[s]) || asked.has(s);
  const shown = new Set(EARLY_STEPS.filter(reasonShown));

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.patch<ApiResponse<'/api/developments/{id}', 'patch'>>(`/api/developments/${d.id}`, bodyOf(v, shown)),
    onSuccess: (r) => {
      void message.success(r.changed.length ? t('development.saved') : t('member.unchanged'));
      onSaved(r.development);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        setAsked(new Set(error.details.map((e) => e.field.replace(/^earlyReasons\./, ''))));
      }
      // After the reason fields the error asks for are rendered.
      setTimeout(() => showFieldErrors(form, error, FIELDS));
    },
  });

  const overdue = new Set(d.overdue.map((o) => o.step));
  // Admission made the member record, the approval made them full: those dates are corrected there.
  const locked = (name: DateField) =>
    (name === 'admittedOn' && d.memberId !== null) || (name === 'fullApprovedOn' && d.fullApprovedOn !== null);
  const date = (name: DateField, label: string, extra?: string | false) => (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item
        name={name}
        label={label}
        extra={
          extra &&
          (OVERDUE_FIELD[name]?.some((step) => overdue.has(step)) ? (
            <Typography.Text type="danger">{extra}</Typography.Text>
          ) : (
            extra
          ))
        }
        rules={name === 'appliedOn' ? [{ required: true }] : []}
      >
        <DatePicker {...datePickerProps} disabledDate={afterToday} disabled={locked(name) || undefined} />
      </Form.Item>
    </Col>
  );
  const reason = (s: EarlyStep, hint: string) =>
    shown.has(s) && (
      <Col xs={24}>
        <Form.Item
          name={['earlyReasons', s]}
          label={t('development.field.earlyReason')}
          extra={hint}
          data-testid={`early-reason-${s}`}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Col>
    );
  // 培养联系人 and 入党介绍人: two people each, named in the box, with the rule in the hint.
  const twoNames = (name: 'contacts' | 'introducers', col: ColProps) => (
    <Col {...col}>
      <Form.Item name={name} label={t(`development.field.${name}`)} extra={t(`development.form.${name}Hint`)}>
        <NamesInput slots={2} label={t(`development.field.${name}`)} />
      </Form.Item>
    </Col>
  );
  const section = (title: string, children: ReactNode) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );
  const extensionOptions = [
    { value: 0, label: t('development.form.noExtension') },
    ...Array.from({ length: EXTENSION_MAX_MONTHS - EXTENSION_MIN_MONTHS + 1 }, (_, i) => ({
      value: EXTENSION_MIN_MONTHS + i,
      label: t('development.form.months', { months: EXTENSION_MIN_MONTHS + i }),
    })),
  ];

  return (
    <Form<Values>
      name="development"
      form={form}
      layout="vertical"
      initialValues={valuesOf(d)}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={clearChangedErrors(form)}
      disabled={readOnly || save.isPending}
      data-testid="development-form"
    >
      {section(
        t('development.section.application'),
        <>
          {date('appliedOn', t('development.field.appliedOn'))}
          {date(
            'talkedOn',
            t('development.field.talkedOn'),
            !d.talkedOn && !d.activistOn && d.due.talkDue && t('development.form.talkDue', { date: d.due.talkDue }),
          )}
          <Col xs={24} sm={24} lg={8}>
            <Form.Item name="employerId" label={t('member.field.employerId')}>
              <EmployerPicker initial={d.employerId ? { id: d.employerId, name: d.employerName } : undefined} />
            </Form.Item>
          </Col>
        </>,
      )}
      {section(
        t('development.section.activist'),
        <>
          {date('activistOn', t('development.field.activistOn'))}
          {twoNames('contacts', { xs: 24, sm: 12, lg: 16 })}
        </>,
      )}
      {section(
        t('development.section.candidate'),
        <>
          {date(
            'candidateOn',
            t('development.field.candidateOn'),
            d.due.candidateEarliest && t('development.form.candidateEarliest', { date: d.due.candidateEarliest }),
          )}
          {date('politicalReviewOn', t('development.field.politicalReviewOn'))}
          <Col xs={12} sm={6} lg={4}>
            <Form.Item name="trainingDays" label={t('development.field.trainingDays')}>
              <InputNumber min={0} max={366} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item name="trainingHours" label={t('development.field.trainingHours')}>
              <InputNumber min={0} max={5000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {reason('candidate', t('development.form.candidateEarly'))}
        </>,
      )}
      {section(
        t('development.section.admission'),
        <>
          {twoNames('introducers', { xs: 24, lg: 8 })}
          {date('admittedOn', t('development.field.admittedOn'), t('development.form.admittedHint'))}
          {date(
            'approvedOn',
            t('development.field.approvedOn'),
            !d.approvedOn &&
              d.due.approvalDue &&
              t('development.form.approvalDue', { date: d.due.approvalDue, limit: d.due.approvalLimit ?? '' }),
          )}
        </>,
      )}
      {section(
        t('development.section.full'),
        <>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item
              name="extensionMonths"
              label={t('development.field.extensionMonths')}
              extra={d.due.probationEnd && t('development.form.probationEnd', { date: d.due.probationEnd })}
            >
              <Select options={extensionOptions} />
            </Form.Item>
          </Col>
          {date('fullMeetingOn', t('development.field.fullMeetingOn'))}
          {date(
            'fullApprovedOn',
            t('development.field.fullApprovedOn'),
            !d.fullApprovedOn &&
              d.due.fullApprovalDue &&
              t('development.form.fullApprovalDue', { date: d.due.fullApprovalDue }),
          )}
          {reason('full_meeting', t('development.form.fullMeetingEarly'))}
        </>,
      )}
      {save.isError && !coversFields(save.error, FIELDS) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
