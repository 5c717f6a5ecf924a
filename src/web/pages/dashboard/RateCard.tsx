import { Card, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { formatRate } from './rate.ts';

interface Props {
  title: string;
  rate: number | null;
  numerator: number;
  denominator: number;
  /** The lists of the enterprises counted above and below the line. */
  numeratorTo?: string | undefined;
  denominatorTo?: string | undefined;
  testId: string;
}

const linked = (n: number, to: string | undefined, testId: string) => {
  const text = n.toLocaleString();
  return to ? (
    <Link to={to} data-testid={testId}>
      {text}
    </Link>
  ) : (
    <span data-testid={testId}>{text}</span>
  );
};

/** A coverage rate with one decimal (“—” for no denominator), its numerator and denominator beside it, each a link to its list. */
export function RateCard({ title, rate, numerator, denominator, numeratorTo, denominatorTo, testId }: Props) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={formatRate(rate)}
        valueRender={(node) => <span data-testid={`${testId}-rate`}>{node}</span>}
        suffix={
          <Typography.Text
            type="secondary"
            style={{ fontSize: 14, marginInlineStart: 8 }}
            title={t('dashboard.rateHint')}
          >
            {linked(numerator, numeratorTo, `${testId}-num`)}
            {' / '}
            {linked(denominator, denominatorTo, `${testId}-den`)}
          </Typography.Text>
        }
      />
    </Card>
  );
}
