// The parameters every report page shares: region (tree), survey scope, and the URL as their store.

import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Select } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';

export function useReportParams() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const scope = params.get('scope') ?? undefined;
  return { user, params, set, region: params.get('region') ?? user.regionCode, scope };
}

/** One report (/api/reports/{name}) of a region, period and scope, the last one kept on screen while the next loads. */
type ReportName = 'annual' | 'quarterly' | 'lagging' | 'nb27' | 'nb30' | 'nb43' | 'orglife' | 'achievements';

export function useReport<R>(
  name: ReportName,
  { region, scope, ...period }: { region: string; scope: string | undefined } & Record<string, string | undefined>,
) {
  return useQuery({
    queryKey: ['reports', name, { region, ...period, scope }],
    queryFn: () => api.get<R>(`/api/reports/${name}`, { region, ...period, ...(scope ? { scope } : {}) }),
    placeholderData: keepPreviousData,
  });
}

/** The parameter card: region, the report's own period control, scope (unless `noScope`: a report of people, not enterprises). */
export function ReportParams({
  period,
  regionLabel,
  noScope,
}: {
  period: ReactNode;
  regionLabel?: string;
  noScope?: boolean;
}) {
  const { t } = useI18n();
  const { region, scope, set } = useReportParams();
  return (
    <Card size="small" style={{ marginBottom: 16 }} className="dj-no-print">
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={regionLabel ?? t('report.region')} style={{ minWidth: 260 }}>
          <UserRegionSelect value={region} onChange={(code) => set({ region: code ?? null })} />
        </Form.Item>
        {period}
        {!noScope && (
          <Form.Item label={t('report.scope')}>
            <Select
              style={{ minWidth: 150 }}
              value={scope ?? ''}
              onChange={(v) => set({ scope: v || null })}
              options={[
                { value: '', label: t('report.scope.default') },
                { value: 'all', label: t('report.scope.all') },
                { value: 'survey', label: t('report.scope.survey') },
              ]}
              data-testid="report-scope"
            />
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

/** A report page's title, with the .xlsx of the report the page shows (the same parameters). */
export function ReportTitle({
  name,
  query,
  ready,
}: {
  name: ReportName;
  query: Record<string, string | undefined>;
  ready: boolean;
}) {
  const { t } = useI18n();
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return (
    <PageTitle
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={`/api/reports/${name}.xlsx${queryString(clean)}`}
          download
          disabled={!ready}
          data-testid="report-download"
        >
          {t('report.download')}
        </Button>
      }
    >
      {t(`report.hub.${name}`)}
    </PageTitle>
  );
}
