import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  title: ReactNode;
  value: number;
  /** The ledger list of exactly the enterprises counted; no link when there is no such list. */
  to?: string;
  loading?: boolean;
}

/** One count on the dashboard; the number opens the list it counts. */
export function FigureCard({ title, value, to, loading }: Props) {
  return (
    <Card size="small" loading={loading} style={{ height: '100%' }}>
      <Statistic title={title} value={value} valueRender={(node) => (to ? <Link to={to}>{node}</Link> : node)} />
    </Card>
  );
}
