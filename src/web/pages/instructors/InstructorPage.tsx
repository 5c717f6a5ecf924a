import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { InstructorDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { AssignmentsCard } from './AssignmentsCard.tsx';
import { InstructorFormDrawer } from './InstructorFormDrawer.tsx';
import { useRevealPhone } from './useRevealPhone.ts';

/** One instructor or liaison: the record (phone masked, revealed on request), and the enterprises assigned to them. */
export default function InstructorPage() {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['instructors', 'detail', id],
    queryFn: () => api.get<InstructorDetail>(`/api/instructors/${id}`),
  });
  const reveal = useRevealPhone(Number(id));

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { instructor: i, writable } = query.data;
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['instructors'] });
    void client.invalidateQueries({ queryKey: ['ledger'] });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };

  const phone = (
    <Flex wrap gap={8} align="center">
      <span style={{ fontFamily: 'monospace' }} data-testid="instructor-phone">
        {reveal.revealed ? (reveal.phone ?? '—') : (i.phone ?? '—')}
      </span>
      {writable &&
        i.phone &&
        can('instructor.manage') &&
        (reveal.revealed ? (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={reveal.hide}>
            {t('instructors.reveal.hide')}
          </Button>
        ) : (
          <Tooltip title={t('instructors.reveal.audited')}>
            <Button size="small" icon={<EyeOutlined />} loading={reveal.loading} onClick={() => void reveal.reveal()}>
              {t('instructors.reveal.show')}
            </Button>
          </Tooltip>
        ))}
    </Flex>
  );

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback="/instructors" />
            {writable && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('instructors.edit')}
              </Button>
            )}
          </Space>
        }
      >
        {i.name}{' '}
        <Tag color={i.kind === 'liaison' ? 'blue' : 'red'} style={{ verticalAlign: 'middle' }}>
          {t(`instructors.kind.${i.kind}`)}
        </Tag>
        {i.leftOn && <Tag>{t('instructors.leftOn', { date: i.leftOn })}</Tag>}
      </PageTitle>
      {!writable && can('instructor.manage') && (
        <Alert type="info" showIcon title={t('instructors.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'department', label: t('instructors.col.department'), children: i.sourceDepartmentName ?? '—' },
            { key: 'post', label: t('instructors.col.post'), children: i.post ?? '—' },
            {
              key: 'fullTime',
              label: t('instructors.col.fullTime'),
              children: t(i.fullTime ? 'instructors.fullTime' : 'instructors.partTime'),
            },
            { key: 'region', label: t('instructors.col.region'), children: i.regionName ?? i.regionCode },
            { key: 'phone', label: t('instructors.col.phone'), children: phone },
            { key: 'load', label: t('instructors.col.load'), children: t('instructors.load', { load: i.load }) },
          ]}
        />
      </Card>
      <AssignmentsCard detail={query.data} onChanged={changed} />
      {editing && <InstructorFormDrawer instructor={i} onClose={() => setEditing(false)} />}
    </>
  );
}
