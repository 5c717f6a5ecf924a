import { EditOutlined, SyncOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { EnterprisePageDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { EnterpriseAchievementsCard } from '../achievements/AchievementsCard.tsx';
import { EnterpriseInstructorsCard } from '../instructors/EnterpriseInstructorsCard.tsx';
import { EnterpriseEditDrawer } from './EnterpriseEditDrawer.tsx';
import { EnterpriseHistory } from './EnterpriseHistory.tsx';
import { EnterpriseOrgsCard } from './EnterpriseOrgsCard.tsx';
import { EnterpriseProfile } from './EnterpriseProfile.tsx';
import { RestructuringCard, RestructuringModal, useRestructuring } from './RestructuringCard.tsx';

/**
 * One enterprise: its profile, party-building status, the orgs covering it, 三同步 if it was
 * restructured, and its change history; with ledger.write, an edit form and the 三同步 record.
 */
export default function EnterprisePage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  // `?edit=1` (the list's 修改) opens the form; closing it drops the parameter.
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === '1' && can('ledger.write');
  const [recording, setRecording] = useState(false);
  const query = useQuery({
    queryKey: ['ledger', 'enterprise', id],
    queryFn: () => api.get<EnterprisePageDetail>(`/api/enterprises/${id}`),
  });
  const restructuring = useRestructuring(id);

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { enterprise } = query.data;
  const recorded = restructuring.data?.restructuring ?? null;

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {/* Back to the list as it was (its filters are in the URL), or to the whole list if opened directly. */}
            <BackButton fallback="/ledger" />
            {/* An SOE or collective enterprise restructured into a non-public one: its 三同步 is recorded here. */}
            {can('ledger.write') && restructuring.data && !recorded && (
              <Button icon={<SyncOutlined />} onClick={() => setRecording(true)}>
                {t('restructuring.record')}
              </Button>
            )}
            {can('ledger.write') && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setParams({ edit: '1' }, { replace: true })}
              >
                {t('enterprise.edit')}
              </Button>
            )}
          </Space>
        }
      >
        {enterprise.name}
      </PageTitle>
      <EnterpriseProfile detail={query.data} roster={query.data.roster} />
      {restructuring.data && <RestructuringCard state={restructuring.data} onEdit={() => setRecording(true)} />}
      <EnterpriseOrgsCard orgs={query.data.orgs ?? []} />
      <EnterpriseInstructorsCard enterpriseId={enterprise.id} />
      <EnterpriseAchievementsCard enterpriseId={enterprise.id} />
      <EnterpriseHistory history={query.data.history} />
      {editing && <EnterpriseEditDrawer enterprise={enterprise} onClose={() => setParams({}, { replace: true })} />}
      {recording && (
        <RestructuringModal enterpriseId={enterprise.id} current={recorded} onClose={() => setRecording(false)} />
      )}
    </>
  );
}
