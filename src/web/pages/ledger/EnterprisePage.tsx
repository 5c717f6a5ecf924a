import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { EnterpriseDetail } from '../../types.ts';
import { EnterpriseEditDrawer } from './EnterpriseEditDrawer.tsx';
import { EnterpriseHistory } from './EnterpriseHistory.tsx';
import { EnterpriseProfile } from './EnterpriseProfile.tsx';

/** One enterprise: its profile, party-building status and change history; with ledger.write, an edit form. */
export default function EnterprisePage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { id } = useParams();
  // `?edit=1` (the list's 修改) opens the form; closing it drops the parameter.
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === '1' && can('ledger.write');
  const query = useQuery({
    queryKey: ['ledger', 'enterprise', id],
    queryFn: () => api.get<EnterpriseDetail>(`/api/enterprises/${id}`),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { enterprise } = query.data;

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {/* Back to the list as it was (its filters are in the URL), or to the whole list if opened directly. */}
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => ((window.history.state?.idx ?? 0) > 0 ? navigate(-1) : navigate('/ledger'))}
            >
              {t('common.back')}
            </Button>
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
      <EnterpriseProfile detail={query.data} />
      <EnterpriseHistory history={query.data.history} />
      {editing && <EnterpriseEditDrawer enterprise={enterprise} onClose={() => setParams({}, { replace: true })} />}
    </>
  );
}
