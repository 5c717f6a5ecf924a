import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Target {
  id: number;
  name: string;
  regionName: string | null;
  sourceDepartmentName?: string | null;
}
type Kind = 'orgs' | 'instructors';
type Targets = Record<Kind, Target[]>;
interface Current {
  orgId: number | null;
  instructorId: number | null;
}

const where = (x: Target) => (x.regionName ? ` · ${x.regionName}` : '');
const LABEL: Record<Kind, (x: Target) => string> = {
  orgs: (x) => `${x.name}${where(x)}`,
  instructors: (x) => `${x.name}${x.sourceDepartmentName ? ` · ${x.sourceDepartmentName}` : ''}${where(x)}`,
};

/** One picker, searching by name on the server; Form.Item hands it id, value and onChange. */
function TargetSelect({
  kind,
  regionCode,
  current,
  ...field
}: {
  kind: Kind;
  regionCode: string | undefined;
  current: Current;
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: ['users', 'link-targets', regionCode, q, current],
    enabled: !!regionCode,
    queryFn: () =>
      api.get<Targets>('/api/users/link-targets', {
        region: regionCode ?? '',
        ...(q ? { q } : {}),
        ...(current.orgId ? { orgId: String(current.orgId) } : {}),
        ...(current.instructorId ? { instructorId: String(current.instructorId) } : {}),
      }),
  });
  return (
    <Select<number | null>
      {...field}
      onChange={(v) => field.onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={query.isFetching}
      placeholder={t('users.link.placeholder')}
      notFoundContent={t('users.link.none')}
      options={(query.data?.[kind] ?? []).map((x) => ({ value: x.id, label: LABEL[kind](x) }))}
    />
  );
}

/**
 * The party org a branch secretary's account is tied to, and the instructor record an
 * instructor's account is tied to: chosen by name among those of the account's region.
 */
export function LinkFields({ regionCode, current }: { regionCode: string | undefined; current: Current }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="orgId" label={t('users.link.org')} extra={t('users.link.orgHint')}>
        <TargetSelect kind="orgs" regionCode={regionCode} current={current} />
      </Form.Item>
      <Form.Item name="instructorId" label={t('users.link.instructor')} extra={t('users.link.instructorHint')}>
        <TargetSelect kind="instructors" regionCode={regionCode} current={current} />
      </Form.Item>
    </>
  );
}
