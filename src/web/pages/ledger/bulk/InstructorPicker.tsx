import { Select } from 'antd';
import type { ApiResponse } from '../../../api/types.ts';
import { PickerOption } from '../../../components/PickerOption.tsx';
import { usePickerSearch } from '../../../components/usePickerSearch.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  id?: string;
}

/** Picks a serving instructor or liaison by name (GET /api/instructors?q=…), with their department. */
export function InstructorPicker({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const search = usePickerSearch<ApiResponse<'/api/instructors'>>('instructors', '/api/instructors', {
    status: 'serving',
  });
  const options = (search.found.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.name,
    detail: [i.kindLabel, i.sourceDepartmentName, i.post].filter(Boolean).join(' · '),
  }));
  return (
    <Select<number>
      id={id}
      {...search.select}
      value={value}
      placeholder={t('bulk.instructorPlaceholder')}
      onChange={(v) => {
        search.picked();
        onChange?.(v ?? undefined);
      }}
      options={options}
      optionRender={(o) => <PickerOption label={o.label} detail={o.data.detail} />}
      style={{ width: '100%' }}
    />
  );
}
