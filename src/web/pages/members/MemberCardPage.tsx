import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { MemberCard, MemberDetail, RevealedNumbers } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { routeIdPage } from '../../components/routeIdPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { DATE_FORMAT } from '../orgs/dates.ts';
import { RevealButton } from './RevealButton.tsx';
import { useReveal } from './useReveal.ts';

// The card prints alone on an A6 sheet: the app's menu, header and buttons are left out.
// Mounted with the page only, so no other page prints on A6.
const CARD_CSS = `
.dj-member-card {
  box-sizing: border-box;
  width: 105mm;
  max-width: 100%;
  min-height: 148mm;
  margin: 0 auto;
  padding: 6mm;
  background: #fff;
  color: #000;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15);
  font-size: 10pt;
  line-height: 1.35;
  display: flex;
  flex-direction: column;
}
.dj-member-card h1 {
  margin: 0 0 3mm;
  padding-bottom: 2mm;
  border-bottom: 0.6mm solid #c8161d;
  color: #c8161d;
  font-size: 15pt;
  letter-spacing: 0.3em;
  text-align: center;
}
.dj-member-card table {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
}
.dj-member-card th,
.dj-member-card td {
  border: 0.25mm solid #555;
  padding: 1.2mm 1.6mm;
  vertical-align: middle;
  word-break: break-all;
}
.dj-member-card th {
  width: 24mm;
  background: #fbeaea;
  font-weight: normal;
  text-align: justify;
  text-align-last: justify;
  white-space: nowrap;
}
.dj-member-card td.dj-photo {
  width: 22mm;
  color: #999;
  text-align: center;
  font-size: 8pt;
}
.dj-member-card .dj-mono {
  font-family: monospace;
  font-size: 9.5pt;
}
.dj-member-card footer {
  margin-top: auto;
  padding-top: 3mm;
  display: flex;
  justify-content: space-between;
  gap: 2mm;
  color: #555;
  font-size: 8pt;
}
.dj-member-card footer span:last-child {
  white-space: nowrap;
}
@page {
  /* A6 portrait (105 × 148 mm), by its dimensions: not every browser knows the name A6. */
  size: 105mm 148mm;
  margin: 0;
}
@media print {
  html, body, #root, .ant-layout, .ant-layout-content {
    background: #fff !important;
    padding: 0 !important;
    margin: 0 !important;
    min-height: 0 !important;
  }
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .ant-message, .ant-tooltip, .dj-no-print {
    display: none !important;
  }
  .dj-member-card {
    width: 105mm;
    height: 148mm;
    min-height: 0;
    max-width: none;
    margin: 0;
    box-shadow: none;
    overflow: hidden;
    break-inside: avoid;
  }
  .dj-member-card * {
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
}
`;

/** 党员信息卡: printable on A6; the numbers masked unless revealed on this page (audited). */
export default routeIdPage(CardView);

function CardView({ id }: { id: number }) {
  const { t } = useI18n();
  const can = useCan();
  const reveal = useReveal(id);
  const query = useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/api/members/${id}`),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { card, writable } = query.data;
  return (
    <>
      <style>{CARD_CSS}</style>
      <Flex className="dj-no-print" wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('member.card')}
        </Typography.Title>
        <Space wrap>
          <BackButton fallback={`/members/${id}`} />
          {can('member.reveal') && writable && <RevealButton reveal={reveal} size="middle" />}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('member.card.print')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph className="dj-no-print" type="secondary">
        {t(reveal.numbers ? 'member.card.revealedHint' : 'member.card.maskedHint')}
      </Typography.Paragraph>
      <CardSheet card={card} numbers={reveal.numbers} />
    </>
  );
}

/** The card itself: fixed labels (Chinese, as the paper form), the member's facts. */
function CardSheet({ card, numbers }: { card: MemberCard; numbers: RevealedNumbers | null }) {
  const { t } = useI18n();
  const v = (s: string | null | undefined) => s || '—';
  const rows: [string, ReactNode][] = [
    [t('member.field.education'), v(card.education)],
    [t('member.field.status'), v(card.status)],
    [t('member.field.joinedOn'), card.joinedOn],
    [t('member.field.fullOn'), v(card.fullOn)],
    [t('member.field.orgId'), v(card.orgName)],
    [t('member.field.employerId'), v(card.employerName)],
    [t('member.field.position'), v(card.position)],
    [
      t('member.field.idNumber'),
      <span key="id" className="dj-mono" data-testid="card-id-number">
        {numbers ? numbers.idNumber : card.idNumber}
      </span>,
    ],
    [
      t('member.field.phone'),
      <span key="phone" className="dj-mono" data-testid="card-phone">
        {v(numbers ? numbers.phone : card.phone)}
      </span>,
    ],
  ];
  return (
    <article className="dj-member-card" data-testid="member-card-sheet">
      <h1>{t('member.card')}</h1>
      <table>
        <tbody>
          <tr>
            <th>{t('member.field.name')}</th>
            <td>{card.name}</td>
            <td className="dj-photo" rowSpan={4}>
              {t('member.card.photo')}
            </td>
          </tr>
          <tr>
            <th>{t('member.field.sex')}</th>
            <td>{v(card.sex)}</td>
          </tr>
          <tr>
            <th>{t('member.field.birthDate')}</th>
            <td data-testid="card-birth-date">{numbers ? numbers.birthDate : card.birthDate}</td>
          </tr>
          <tr>
            <th>{t('member.field.ethnicity')}</th>
            <td>{v(card.ethnicity)}</td>
          </tr>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td colSpan={2}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        <span>{v(card.orgName)}</span>
        <span>{t('member.card.printedOn', { date: dayjs().format(DATE_FORMAT) })}</span>
      </footer>
    </article>
  );
}
