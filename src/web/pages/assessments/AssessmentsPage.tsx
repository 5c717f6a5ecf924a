import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { isHalfYear } from '../../../domain/assessment/period.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { BallotsTab } from './BallotsTab.tsx';
import { DailyTab } from './DailyTab.tsx';
import { PeriodicTab } from './PeriodicTab.tsx';
import { periodName, recentHalfYears } from './period.ts';
import { ResultsTab } from './ResultsTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';

const TABS = ['results', 'daily', 'periodic', 'ballots', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** The three-part assessment of a half year (rules.md §8): results, the entries behind them, ballots, settings. */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const periods = recentHalfYears();
  const asked = params.get('period');
  const period = asked && isHalfYear(asked) ? asked : periods[0];
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'results';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const body = {
    results: <ResultsTab period={period} />,
    daily: <DailyTab period={period} />,
    periodic: <PeriodicTab period={period} />,
    ballots: <BallotsTab period={period} />,
    settings: <SettingsTab />,
  };
  return (
    <>
      <PageTitle
        extra={
          <Select
            aria-label={t('assess.period')}
            value={period}
            onChange={(v) => set('period', v)}
            style={{ width: 160 }}
            options={(periods.includes(period) ? periods : [period, ...periods]).map((p) => ({
              value: p,
              label: periodName(t, p),
            }))}
          />
        }
      >
        {t('assess.title')}
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={TABS.map((k) => ({ key: k, label: t(`assess.tab.${k}`), children: tab === k ? body[k] : null }))}
      />
    </>
  );
}
