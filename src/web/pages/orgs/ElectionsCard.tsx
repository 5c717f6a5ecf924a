import {
  App,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OrgType } from '../../../domain/org/codes.ts';
import { DEFAULT_TERM_YEARS, MAX_TERM_ADJUSTMENT_MONTHS } from '../../../domain/org/terms.ts';
import type { ApiResponse, OrgElection } from '../../api/types.ts';
import { api } from '../../api.ts';
import { SubLine, TableCard } from '../../components/CardTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, toDay } from './dates.ts';
import { termState } from './labels.ts';
import type { OrgSectionProps } from './section.ts';

interface ElectionValues {
  electedOn?: Dayjs | null;
  termYears?: number | null;
  adjustmentMonths?: number | null;
  adjustmentApprovedBy?: string;
  adjustmentApprovedOn?: Dayjs | null;
}

const ADJUSTMENT = { min: -MAX_TERM_ADJUSTMENT_MONTHS, max: MAX_TERM_ADJUSTMENT_MONTHS, precision: 0 };

/** The approval fields of a term's extension or shortening: needed only when there is one. */
function AdjustmentFields({ required }: { required: boolean }) {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item
          name="adjustmentApprovedBy"
          label={t('org.election.approvedBy')}
          rules={[{ required, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="adjustmentApprovedOn" label={t('org.election.approvedOn')} rules={[{ required }]}>
          <DatePicker {...datePickerProps} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The elections (换届) and the terms they opened, the latest being the term in force; record one, or adjust a term with its approval. */
export function ElectionsCard({ detail, dissolved, onChanged }: OrgSectionProps) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [adjusting, setAdjusting] = useState<OrgElection | null>(null);
  const { org, elections, findings } = detail;
  const defaultYears = DEFAULT_TERM_YEARS[org.type as OrgType] ?? null;
  const latest = elections[0]?.id;
  const state = termState(findings);

  const adjustment = (e: OrgElection) =>
    e.adjustmentMonths === 0
      ? '—'
      : t(e.adjustmentMonths > 0 ? 'org.election.extended' : 'org.election.shortened', {
          months: Math.abs(e.adjustmentMonths),
          by: e.adjustmentApprovedBy ?? '',
          on: e.adjustmentApprovedOn ?? '',
        });

  const endsOn = (e: OrgElection) => (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={e.id === latest ? 'term-ends-on' : undefined}>
      {e.endsOn}
      {e.id === latest && !dissolved && (
        <Tag
          color={state === 'overdue' ? 'red' : state === 'due' ? 'orange' : 'green'}
          style={{ marginInlineStart: 8 }}
        >
          {t(state === 'overdue' ? 'org.term.overdue' : state === 'due' ? 'org.term.due' : 'org.term.current')}
        </Tag>
      )}
    </span>
  );
  const write = can('org.write') && !dissolved;
  const years = (e: OrgElection) => t('org.election.years', { years: e.termYears });
  const phone: TableColumnsType<OrgElection>[number] = {
    title: t('org.election.endsOn'),
    key: 'term',
    render: (_, e) => (
      <Flex vertical>
        {endsOn(e)}
        <SubLine>{t('org.election.electedLine', { electedOn: e.electedOn, years: years(e) })}</SubLine>
        {e.adjustmentMonths !== 0 && <SubLine>{adjustment(e)}</SubLine>}
      </Flex>
    ),
  };
  const columns: TableColumnsType<OrgElection> = [
    { title: t('org.election.electedOn'), dataIndex: 'electedOn' },
    { title: t('org.election.termYears'), key: 'termYears', render: (_, e) => years(e) },
    { title: t('org.election.adjustment'), key: 'adjustment', render: (_, e) => adjustment(e) },
    { title: t('org.election.endsOn'), key: 'endsOn', render: (_, e) => endsOn(e) },
  ];

  return (
    <TableCard<OrgElection>
      title={t('org.election.title')}
      testId="elections-card"
      add={write && { label: t('org.election.record'), onClick: () => setRecording(true) }}
      rows={elections}
      empty={t('org.election.empty')}
      columns={columns}
      phone={phone}
      past={(e) => e.id !== latest}
      action={
        write && {
          label: t('org.election.adjust'),
          shown: (e) => e.id === latest,
          onClick: setAdjusting,
          fixed: true,
        }
      }
    >
      {recording && (
        <FormModal<ElectionValues, { id: number; endsOn: string }>
          title={t('org.election.record')}
          intro={
            <Typography.Paragraph type="secondary">
              {defaultYears === null
                ? t('org.election.hintNoDefault')
                : t('org.election.hint', { years: defaultYears })}
            </Typography.Paragraph>
          }
          onClose={() => setRecording(false)}
          initialValues={{ electedOn: dayjs(), adjustmentMonths: 0 }}
          submit={(v) =>
            api.post<ApiResponse<'/api/orgs/{id}/elections', 'post'>>(`/api/orgs/${org.id}/elections`, {
              electedOn: toDay(v.electedOn),
              termYears: v.termYears ?? null,
              adjustmentMonths: v.adjustmentMonths ?? 0,
              adjustmentApprovedBy: v.adjustmentApprovedBy?.trim() || null,
              adjustmentApprovedOn: toDay(v.adjustmentApprovedOn),
            })
          }
          onDone={({ endsOn }) => {
            void message.success(t('org.election.recorded', { endsOn }), 6);
            onChanged();
          }}
        >
          {(form) => (
            <>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="electedOn" label={t('org.election.electedOn')} rules={[{ required: true }]}>
                    <DatePicker {...datePickerProps} disabledDate={afterToday} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="termYears"
                    label={t('org.election.termYears')}
                    extra={defaultYears === null ? undefined : t('org.election.termYearsHint', { years: defaultYears })}
                  >
                    <InputNumber
                      min={1}
                      max={10}
                      precision={0}
                      placeholder={defaultYears === null ? undefined : String(defaultYears)}
                      suffix={t('org.election.yearUnit')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="adjustmentMonths"
                label={t('org.election.adjustmentMonths')}
                extra={t('org.election.adjustmentHint')}
              >
                <InputNumber {...ADJUSTMENT} suffix={t('org.election.monthUnit')} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item noStyle dependencies={['adjustmentMonths']}>
                {() => <AdjustmentFields required={(form.getFieldValue('adjustmentMonths') ?? 0) !== 0} />}
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
      {adjusting && (
        <FormModal<ElectionValues, { endsOn: string }>
          title={t('org.election.adjustTitle', { electedOn: adjusting.electedOn })}
          intro={
            <Typography.Paragraph type="secondary">
              {t('org.election.adjustIntro', { endsOn: adjusting.endsOn })}
            </Typography.Paragraph>
          }
          onClose={() => setAdjusting(null)}
          initialValues={{
            adjustmentMonths: adjusting.adjustmentMonths || undefined,
            adjustmentApprovedBy: adjusting.adjustmentApprovedBy ?? undefined,
            adjustmentApprovedOn: adjusting.adjustmentApprovedOn ? dayjs(adjusting.adjustmentApprovedOn) : dayjs(),
          }}
          submit={(v) =>
            api.post<ApiResponse<'/api/orgs/{id}/elections/{electionId}/adjust', 'post'>>(
              `/api/orgs/${org.id}/elections/${adjusting.id}/adjust`,
              {
                adjustmentMonths: v.adjustmentMonths ?? 0,
                adjustmentApprovedBy: v.adjustmentApprovedBy?.trim() ?? '',
                adjustmentApprovedOn: toDay(v.adjustmentApprovedOn),
              },
            )
          }
          onDone={({ endsOn }) => {
            void message.success(t('org.election.adjusted', { endsOn }), 6);
            onChanged();
          }}
        >
          <Form.Item
            name="adjustmentMonths"
            label={t('org.election.adjustmentMonths')}
            extra={t('org.election.adjustmentHint')}
            rules={[{ required: true }]}
          >
            <InputNumber {...ADJUSTMENT} suffix={t('org.election.monthUnit')} style={{ width: '100%' }} />
          </Form.Item>
          <AdjustmentFields required />
        </FormModal>
      )}
    </TableCard>
  );
}
