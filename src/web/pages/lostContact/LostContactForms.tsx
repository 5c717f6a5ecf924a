// The three forms of a lost-contact case, each a modal that fits a phone: 登记失联, 查找记录,
// 恢复联系或处置. The server checks every rule (6 months, dates, a search before a disposal);
// the forms only offer what may be chosen.
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LostContactCase } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { CIRCUMSTANCES, circumstanceKey, METHODS, methodKey, OUTCOMES, outcomeKey } from './labels.ts';

const REFRESH = ['members', 'lost-contacts', 'prompts', 'todo', 'reports'];

export function RecordLostModal(props: { memberId: number; name: string; since: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ circumstance?: string; circumstanceNote?: string; since?: Dayjs | null }, unknown>
      title={t('lost.recordTitle', { name: props.name })}
      name="lostRecord"
      intro={<p>{t('lost.recordIntro', { date: props.since })}</p>}
      onClose={props.onClose}
      submit={(v) =>
        api.post(`/api/members/${props.memberId}/lost-contact`, {
          circumstance: v.circumstance,
          circumstanceNote: v.circumstanceNote?.trim() || null,
          outOfContactSince: toDay(v.since),
        })
      }
      saved={t('lost.recorded')}
      refresh={REFRESH}
    >
      <Form.Item name="circumstance" label={t('lost.field.circumstance')} rules={[{ required: true }]}>
        <Select
          data-testid="lost-circumstance"
          options={CIRCUMSTANCES.map((c) => ({ value: c, label: t(circumstanceKey(c)) }))}
        />
      </Form.Item>
      <Form.Item name="circumstanceNote" label={t('lost.field.circumstanceNote')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="since" label={t('lost.field.since')} extra={t('lost.field.sinceHint')}>
        <DatePicker
          {...datePickerProps}
          disabledDate={(d) => afterToday(d) || d.isBefore(fromDay(props.since), 'day')}
        />
      </Form.Item>
    </FormModal>
  );
}

export function SearchModal({ c, onClose }: { c: LostContactCase; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ searchedOn?: Dayjs | null; searcher?: string; method?: string; result?: string }, unknown>
      title={t('lost.searchTitle', { name: c.memberName })}
      name="lostSearch"
      onClose={onClose}
      initialValues={{ searchedOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/lost-contacts/${c.id}/searches`, {
          searchedOn: toDay(v.searchedOn),
          searcher: v.searcher ?? '',
          method: v.method,
          result: v.result ?? '',
        })
      }
      saved={t('lost.searchSaved')}
      refresh={REFRESH}
    >
      <PastDayItem name="searchedOn" label={t('lost.field.searchedOn')} notBefore={c.outOfContactSince} />
      <Form.Item name="searcher" label={t('lost.field.searcher')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="method" label={t('lost.field.method')} rules={[{ required: true }]}>
        <Select data-testid="lost-method" options={METHODS.map((m) => ({ value: m, label: t(methodKey(m)) }))} />
      </Form.Item>
      <Form.Item name="result" label={t('lost.field.result')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}

export function OutcomeModal({ c, status, onClose }: { c: LostContactCase; status: string; onClose: () => void }) {
  const { t } = useI18n();
  // A disposal follows the member's status; 恢复联系 is open to all.
  const allowed = OUTCOMES.filter((o) => o === 'restored' || (o === 'suspended') === (status === 'full'));
  return (
    <FormModal<{ outcome?: string; outcomeOn?: Dayjs | null; note?: string }, unknown>
      title={t('lost.outcomeTitle', { name: c.memberName })}
      name="lostOutcome"
      intro={<p>{t('lost.outcomeIntro')}</p>}
      onClose={onClose}
      initialValues={{ outcome: 'restored', outcomeOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/lost-contacts/${c.id}/outcome`, {
          outcome: v.outcome,
          outcomeOn: toDay(v.outcomeOn),
          note: v.note?.trim() || null,
        })
      }
      saved={t('lost.outcomeSaved')}
      refresh={REFRESH}
    >
      <Form.Item name="outcome" label={t('lost.field.outcome')} rules={[{ required: true }]}>
        <Radio.Group options={allowed.map((o) => ({ value: o, label: t(outcomeKey(o)) }))} />
      </Form.Item>
      <PastDayItem name="outcomeOn" label={t('lost.field.outcomeOn')} notBefore={c.recordedOn} />
      <NoteItem label={t('lost.field.note')} />
    </FormModal>
  );
}
