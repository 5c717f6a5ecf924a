import { RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { OrgDetail, Prompts } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { OrgMembersCard } from '../members/OrgMembersCard.tsx';
import { RecordMeetingButton } from '../orglife/RecordMeetingButton.tsx';
import { CoverageCard } from '../orgs/CoverageCard.tsx';
import { DATE_FORMAT } from '../orgs/dates.ts';
import { isDissolved } from '../orgs/labels.ts';
import { PromptSectionCard } from '../prompts/PromptSectionCard.tsx';

/**
 * 本支部, a branch secretary's home: what is due in their org (the work prompts of their scope —
 * re-election, development steps, transfers and the rest, as the prompts engine computes
 * them), its members and the enterprises it covers.
 */
export function SecretaryHome() {
  const { t } = useI18n();
  const user = useUser();
  const client = useQueryClient();
  const orgId = user.orgId;
  const org = useQuery({
    queryKey: ['orgs', 'detail', String(orgId)],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${orgId}`),
    enabled: orgId !== null,
  });
  const prompts = useQuery({ queryKey: ['prompts'], queryFn: () => api.get<Prompts>('/api/prompts') });

  if (orgId === null) return <Alert type="warning" showIcon title={t('home.secretary.noOrg')} />;
  if (org.isError) return <QueryError error={org.error} retry={() => void org.refetch()} />;
  if (!org.data) return <FullPageSpin />;
  const detail = org.data;
  const due = prompts.data?.sections.filter((s) => s.total > 0) ?? [];

  return (
    <>
      <PageTitle
        extra={
          <Link to={`/orgs/${orgId}`} data-testid="open-org">
            {t('home.secretary.openOrg')} <RightOutlined style={{ fontSize: 10 }} />
          </Link>
        }
      >
        {t('home.secretary.title', { name: detail.org.name })}
      </PageTitle>
      <RecordMeetingButton orgId={orgId} />
      <Card
        size="small"
        title={t('home.secretary.due')}
        style={{ marginBottom: 16 }}
        loading={prompts.isPending}
        data-testid="home-due"
      >
        {prompts.isError ? (
          <QueryError error={prompts.error} retry={() => void prompts.refetch()} />
        ) : due.length === 0 ? (
          <Empty description={t('home.secretary.noDue')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('home.secretary.dueHint')}
            </Typography.Paragraph>
            {due.map((s) => (
              <PromptSectionCard key={s.key} section={s} />
            ))}
          </>
        )}
      </Card>
      <OrgMembersCard detail={detail} />
      <CoverageCard
        detail={detail}
        dissolved={isDissolved(detail.org.dissolvedOn, dayjs().format(DATE_FORMAT))}
        onChanged={() => void client.invalidateQueries({ queryKey: ['orgs'] })}
      />
    </>
  );
}
