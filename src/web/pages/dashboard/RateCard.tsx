import { Card, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { ratePercent } from '../../../domain/stats/rate.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  title: string;
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

/** A coverage rate printed by the domain from its counts (“—” for no denominator), its numerator and denominator beside it, each a link to its list. */
export function RateCard({ title, numerator, denominator, numeratorTo, denominatorTo, testId }: Props) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={ratePercent(numerator, denominator)}
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
