import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space } from 'antd';
import { FilterBar, FilterSelect, RegionFilter } from '../../components/list/FilterBar.tsx';
import { id, oneOf, text } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { HonourCounts } from './HonourCounts.tsx';
import { HonourFormDrawer } from './HonourFormDrawer.tsx';
import { HonourList, SiteList } from './HonourLists.tsx';
import { SiteFormDrawer } from './SiteFormDrawer.tsx';
import { LEVEL_CODES, recentYears } from './types.ts';

const TABS = ['honours', 'sites', 'counts'] as const;
const HONOUR_PAGE = {
  tab: oneOf(TABS, 'honours'),
  recipient: oneOf(['org', 'member'] as const),
  year: id(),
  level: text(),
  regionCode: text(),
  q: text(),
  new: oneOf(['honour', 'site'] as const),
};

/** 表彰与示范点: honours of orgs and members, demonstration sites, and both counted by region and year. */
export default function HonoursPage() {
  const { t } = useI18n();
  const can = useCan();
  const list = useListState(HONOUR_PAGE);
  const { tab, new: creating, recipient, q, ...shared } = list.filter;
  const close = () => list.set({ new: undefined }, { page: list.page });

  return (
    <>
      <PageTitle
        extra={
          can('honour.manage') && (
            <Space wrap>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => list.set({ new: 'honour' }, { page: list.page })}
              >
                {t('honours.create')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => list.set({ new: 'site' }, { page: list.page })}>
                {t('sites.create')}
              </Button>
            </Space>
          )
        }
      >
        {t('honours.title')}
      </PageTitle>
      <Card size="small">
        <FilterBar
          before={
            <Segmented
              value={tab}
              onChange={(v) => list.set({ tab: v as (typeof TABS)[number] })}
              options={TABS.map((k) => ({ value: k, label: t(`honours.tab.${k}`) }))}
            />
          }
          search={
            tab === 'honours'
              ? {
                  value: q,
                  onSearch: (value) => list.set({ q: value }),
                  placeholder: t('honours.filter.qPlaceholder'),
                  label: t('honours.filter.q'),
                  width: 260,
                }
              : undefined
          }
        >
          <FilterSelect<number>
            label={t('honours.filter.year')}
            placeholder={t('honours.filter.allYears')}
            value={shared.year}
            onChange={(v?: number) => list.set({ year: v })}
            options={recentYears().map((y) => ({ value: y, label: String(y) }))}
            data-testid="filter-year"
          />
          {tab !== 'counts' && (
            <FilterSelect<string>
              label={t('honours.filter.level')}
              placeholder={t('honours.filter.allLevels')}
              value={shared.level}
              onChange={(v?: string) => list.set({ level: v })}
              options={LEVEL_CODES.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))}
            />
          )}
          {tab === 'honours' && (
            <FilterSelect<'org' | 'member'>
              label={t('honours.filter.recipient')}
              placeholder={t('honours.filter.allRecipients')}
              value={recipient}
              onChange={(v?: 'org' | 'member') => list.set({ recipient: v })}
              options={(['org', 'member'] as const).map((r) => ({ value: r, label: t(`honours.recipient.${r}`) }))}
            />
          )}
          {tab !== 'counts' && (
            <RegionFilter value={shared.regionCode} onChange={(code) => list.set({ regionCode: code })} wide />
          )}
        </FilterBar>
        {tab === 'honours' && <HonourList filter={{ ...shared, recipient, q }} paging={list} />}
        {tab === 'sites' && <SiteList filter={shared} paging={list} />}
        {tab === 'counts' && <HonourCounts year={shared.year} />}
      </Card>
      {creating === 'honour' && can('honour.manage') && <HonourFormDrawer onClose={close} />}
      {creating === 'site' && can('honour.manage') && <SiteFormDrawer onClose={close} />}
    </>
  );
}
