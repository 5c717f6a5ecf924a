import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useRefresh } from '../../components/useRefresh.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { OrgAchievementsCard } from '../achievements/AchievementsCard.tsx';
import { OrgLifeSections } from '../appraisals/OrgLifeSections.tsx';
import { OrgHonoursCard } from '../honours/HonoursCard.tsx';
import { OrgMembersCard } from '../members/OrgMembersCard.tsx';
import { OrgLifeCard } from '../orglife/OrgLifeCard.tsx';
import { OrgDispatchedCard } from '../secretaryPool/OrgDispatchedCard.tsx';
import { ChildrenCard } from './ChildrenCard.tsx';
import { CoverageCard } from './CoverageCard.tsx';
import { DATE_FORMAT, toDay } from './dates.ts';
import { ElectionsCard } from './ElectionsCard.tsx';
import { isDissolved } from './labels.ts';
import { OfficersCard } from './OfficersCard.tsx';
import { OrgEditDrawer } from './OrgEditDrawer.tsx';
import { OrgFindings } from './OrgFindings.tsx';
import { OrgProfile } from './OrgProfile.tsx';
import { DissolvedTag } from './OrgTags.tsx';

/** One party organization: profile, what the rules say, coverage, officers, terms, sub-orgs; the actions the user's permissions open. */
export default function OrgPage() {
  const { t } = useI18n();
  const can = useCan();
  const refresh = useRefresh();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [dissolving, setDissolving] = useState(false);
  const editing = params.get('edit') === '1' && can('org.write');
  const query = useQuery({
    queryKey: ['orgs', 'detail', id],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${id}`),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const detail = query.data;
  const { org } = detail;
  const dissolved = isDissolved(org.dissolvedOn, dayjs().format(DATE_FORMAT));
  // A change here may move ledger categories and the dashboard's rates too.
  const changed = () => refresh('orgs', 'ledger', 'dashboard');

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback="/orgs" />
            {can('org.write') && !dissolved && (
              <Button icon={<EditOutlined />} onClick={() => setParams({ edit: '1' }, { replace: true })}>
                {t('org.edit')}
              </Button>
            )}
            {can('org.manage') && !org.dissolvedOn && (
              <Button danger icon={<StopOutlined />} onClick={() => setDissolving(true)}>
                {t('org.dissolve')}
              </Button>
            )}
          </Space>
        }
      >
        {org.name} <DissolvedTag dissolvedOn={org.dissolvedOn} />
      </PageTitle>
      {dissolved && (
        <Alert
          type="info"
          showIcon
          title={t('org.dissolvedOn', { date: org.dissolvedOn ?? '' })}
          style={{ marginBottom: 16 }}
        />
      )}
      <OrgFindings findings={detail.findings} />
      <OrgProfile detail={detail} />
      <OrgMembersCard detail={detail} />
      <CoverageCard detail={detail} dissolved={dissolved} onChanged={changed} />
      <OfficersCard detail={detail} dissolved={dissolved} onChanged={changed} />
      <OrgDispatchedCard orgId={org.id} />
      <OrgHonoursCard orgId={org.id} />
      <OrgLifeCard orgId={org.id} />
      <OrgAchievementsCard detail={detail} dissolved={dissolved} />
      <OrgLifeSections detail={detail} dissolved={dissolved} />
      <ElectionsCard detail={detail} dissolved={dissolved} onChanged={changed} />
      <ChildrenCard detail={detail} />
      {editing && <OrgEditDrawer detail={detail} onSaved={changed} onClose={() => setParams({}, { replace: true })} />}
      {dissolving && (
        <FormModal<{ dissolvedOn?: Dayjs }, unknown>
          title={t('org.dissolveTitle', { name: org.name })}
          intro={
            <Alert
              type="warning"
              showIcon
              title={t('org.dissolveWarning', { units: detail.facts.units })}
              style={{ marginBottom: 16 }}
            />
          }
          onClose={() => setDissolving(false)}
          initialValues={{ dissolvedOn: dayjs() }}
          okText={t('org.dissolveConfirm')}
          danger
          submit={(v) => api.post(`/api/orgs/${org.id}/dissolve`, { dissolvedOn: toDay(v.dissolvedOn) })}
          saved={t('org.dissolved')}
          onDone={changed}
        >
          <PastDayItem name="dissolvedOn" label={t('org.field.dissolvedOn')} notBefore={org.establishedOn} />
          <Typography.Text type="secondary">{t('org.dissolveHint')}</Typography.Text>
        </FormModal>
      )}
    </>
  );
}
