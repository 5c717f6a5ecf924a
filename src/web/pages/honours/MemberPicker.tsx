import { Select } from 'antd';
import type { ApiResponse } from '../../api/types.ts';
import { usePickerSearch } from '../../components/usePickerSearch.ts';

/** Picks a member on the roster by name (GET /api/members?q=…). */
export function MemberPicker({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const search = usePickerSearch<ApiResponse<'/api/members'>>('members', '/api/members');
  return (
    <Select<number | null>
      id={id}
      {...search.select}
      value={value ?? undefined}
      onChange={(v) => {
        search.picked();
        onChange?.(v ?? null);
      }}
      options={(search.found.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}
