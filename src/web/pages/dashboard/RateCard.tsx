import { Card, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { formatRate } from './rate.ts';

interface Props {
  title: string;
  rate: number | null;
  numerator: number;
  denominator: number;
  /** The list of the enterprises counted above the line, where the ledger's filters can select exactly them. */
  numeratorTo?: string;
  denominatorTo: string;
}

/** A coverage rate with one decimal, its numerator and denominator beside it, each a link to its list. */
export function RateCard({ title, rate, numerator, denominator, numeratorTo, denominatorTo }: Props) {
  const { t } = useI18n();
  const num = numerator.toLocaleString();
  const den = denominator.toLocaleString();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={formatRate(rate)}
        suffix={
          <Typography.Text
            type="secondary"
            style={{ fontSize: 14, marginInlineStart: 8 }}
            title={t('dashboard.rateHint')}
          >
            {numeratorTo ? <Link to={numeratorTo}>{num}</Link> : num}
            {' / '}
            <Link to={denominatorTo}>{den}</Link>
          </Typography.Text>
        }
      />
    </Card>
  );
}
