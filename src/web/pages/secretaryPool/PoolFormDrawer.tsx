import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { changedFields } from '../../components/changedFields.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { LeftOnItem, PhoneItem } from '../../components/personItems.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { ORIGIN_CODES, type PoolSecretary } from './types.ts';

interface Values {
  name?: string;
  sex?: string;
  birthDate?: Dayjs | null;
  phone?: string | null;
  origin?: string;
  originUnit?: string;
  regionCode?: string;
  enteredOn?: Dayjs | null;
  leftOn?: Dayjs | null;
  note?: string | null;
}

interface Props {
  /** Editing this person; entering a new one without it. */
  secretary?: PoolSecretary;
  onClose: () => void;
  onCreated?: (id: number) => void;
}

/** Enters a person into the pool, or corrects one (only the changed fields are sent). */
export function PoolFormDrawer({ secretary, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const initial: Values = secretary
    ? {
        ...secretary,
        phone: undefined,
        // The birth date leaves the server as its year only: it is retyped to change it.
        birthDate: undefined,
        enteredOn: fromDay(secretary.enteredOn),
        leftOn: fromDay(secretary.leftOn),
      }
    : { sex: 'male', origin: 'agency', regionCode: user.regionCode, enteredOn: dayjs() };

  const save = async (v: Values) => {
    const body: Record<string, unknown> = {
      name: v.name,
      sex: v.sex,
      origin: v.origin,
      originUnit: v.originUnit,
      regionCode: v.regionCode,
      enteredOn: toDay(v.enteredOn),
      note: v.note?.trim() || null,
    };
    if (!secretary) {
      return api.post<ApiResponse<'/api/secretary-pool', 'post'>>('/api/secretary-pool', {
        ...body,
        birthDate: toDay(v.birthDate),
        phone: v.phone?.trim() || null,
      });
    }
    const patch = changedFields(body, secretary);
    if (v.phone?.trim()) patch.phone = v.phone.trim();
    if (v.birthDate) patch.birthDate = toDay(v.birthDate);
    const leftOn = toDay(v.leftOn);
    if (leftOn !== secretary.leftOn) patch.leftOn = leftOn;
    await api.patch(`/api/secretary-pool/${secretary.id}`, patch);
    return { id: secretary.id };
  };

  return (
    <FormDrawer
      title={secretary ? `${t('pool.edit')} · ${secretary.name}` : t('pool.create')}
      onClose={onClose}
      initialValues={initial}
      submit={save}
      saved={t(secretary ? 'pool.saved' : 'pool.created')}
      refresh={['secretary-pool']}
      onDone={({ id }) => onCreated?.(id)}
    >
      <Form.Item name="name" label={t('pool.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="sex" label={t('pool.field.sex')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`pool.sex.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="birthDate" label={t('pool.field.birthDate')} extra={secretary?.birthDate ?? undefined}>
        <DatePicker {...datePickerProps} disabledDate={afterToday} />
      </Form.Item>
      <PhoneItem label={t('pool.field.phone')} hint={t('pool.field.phoneHint')} masked={secretary?.phone} />
      <Form.Item name="origin" label={t('pool.field.origin')} rules={[{ required: true }]}>
        <Select options={ORIGIN_CODES.map((o) => ({ value: o, label: t(`pool.origin.${o}`) }))} />
      </Form.Item>
      <Form.Item name="originUnit" label={t('pool.field.originUnit')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('pool.field.regionCode')} rules={[{ required: true }]}>
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <PastDayItem name="enteredOn" label={t('pool.field.enteredOn')} />
      {secretary && <LeftOnItem label={t('pool.field.leftOn')} hint={t('pool.field.leftOnHint')} />}
      <NoteItem label={t('pool.field.note')} />
    </FormDrawer>
  );
}
