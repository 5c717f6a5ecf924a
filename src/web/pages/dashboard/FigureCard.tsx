import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  title: ReactNode;
  value: number;
  /** The list of exactly the enterprises counted; no link when there is no such list. */
  to?: string | undefined;
  loading?: boolean;
  testId?: string;
}

/** One count on the dashboard; the number opens the list it counts. */
export function FigureCard({ title, value, to, loading, testId }: Props) {
  return (
    <Card size="small" loading={loading} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value}
        valueRender={(node) =>
          to ? (
            <Link to={to} data-testid={testId}>
              {node}
            </Link>
          ) : (
            <span data-testid={testId}>{node}</span>
          )
        }
      />
    </Card>
  );
}
