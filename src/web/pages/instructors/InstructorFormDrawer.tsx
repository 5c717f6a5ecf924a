import { Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ApiResponse, Instructor } from '../../api/types.ts';
import { api } from '../../api.ts';
import { changedFields } from '../../components/changedFields.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { LeftOnItem, PhoneItem } from '../../components/personItems.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { fromDay, toDay } from '../orgs/dates.ts';
import { KIND_CODES } from './labels.ts';
import { useDepartments } from './useDepartments.ts';

interface Values {
  kind?: string;
  name?: string;
  sourceDepartmentId?: number;
  post?: string | null;
  fullTime?: boolean;
  regionCode?: string;
  /** Typed in full only when registering or changing it; the masked one is never sent back. */
  phone?: string | null;
  leftOn?: Dayjs | null;
}

interface Props {
  /** Editing this instructor; registering a new one without it. */
  instructor?: Instructor;
  onClose: () => void;
  onCreated?: (id: number) => void;
}

/** Registers an instructor or liaison, or corrects one (only the changed fields are sent; leaving ends their assignments). */
export function InstructorFormDrawer({ instructor, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const departments = useDepartments();
  const initial: Values = instructor
    ? { ...instructor, phone: undefined, leftOn: fromDay(instructor.leftOn) }
    : { kind: 'instructor', fullTime: false, regionCode: user.regionCode };

  const save = async (v: Values) => {
    const body = {
      kind: v.kind,
      name: v.name,
      sourceDepartmentId: v.sourceDepartmentId,
      post: v.post?.trim() || null,
      fullTime: v.fullTime ?? false,
      regionCode: v.regionCode,
    };
    const phone = v.phone?.trim() || null;
    if (!instructor) return api.post<ApiResponse<'/api/instructors', 'post'>>('/api/instructors', { ...body, phone });
    const patch = changedFields(body, instructor);
    if (phone) patch.phone = phone;
    const leftOn = toDay(v.leftOn);
    if (leftOn !== instructor.leftOn) patch.leftOn = leftOn;
    await api.patch(`/api/instructors/${instructor.id}`, patch);
    return { id: instructor.id };
  };

  return (
    <FormDrawer
      title={instructor ? `${t('instructors.edit')} · ${instructor.name}` : t('instructors.create')}
      onClose={onClose}
      initialValues={initial}
      submit={save}
      // Closed first (the list drops its ?new=1), then the new instructor's page opens.
      saved={t(instructor ? 'instructors.saved' : 'instructors.created')}
      refresh={['instructors', 'ledger']}
      onDone={({ id }) => onCreated?.(id)}
    >
      <Form.Item name="kind" label={t('instructors.field.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={KIND_CODES.map((k) => ({ value: k, label: t(`instructors.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('instructors.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="sourceDepartmentId"
        label={t('instructors.field.sourceDepartmentId')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isLoading}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="post" label={t('instructors.field.post')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="fullTime" label={t('instructors.field.fullTime')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="regionCode" label={t('instructors.field.regionCode')} rules={[{ required: true }]}>
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <PhoneItem
        label={t('instructors.field.phone')}
        hint={t('instructors.field.phoneHint')}
        masked={instructor?.phone}
      />
      {instructor && <LeftOnItem label={t('instructors.field.leftOn')} hint={t('instructors.field.leftOnHint')} />}
    </FormDrawer>
  );
}
