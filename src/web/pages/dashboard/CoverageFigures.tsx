import { Card, Col, Row } from 'antd';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import type { LedgerFigures } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FigureCard } from './FigureCard.tsx';
import { type FigureContext, figureHref, type Selection } from './links.ts';
import { RateCard } from './RateCard.tsx';

/** The three rates: covered enterprises over those in scope. */
const RATES = [
  { testId: 'rate-org', title: 'dashboard.rate.org', count: 'orgCovered', coverage: 'org' },
  { testId: 'rate-standalone', title: 'rate.standaloneRate', count: 'standalone', coverage: 'standalone' },
  { testId: 'rate-work', title: 'rate.workCoverageRate', count: 'workCovered', coverage: 'work' },
] as const;

interface Props {
  ledger: LedgerFigures;
  /** 待核实 (today only). */
  missing: number | null;
  /** 未建党组织、已建群团组织: today's whole ledger only. */
  massOrgOnly: number | null;
  ctx: FigureContext;
}

/**
 * The three coverage rates with numerator and denominator, the categories and the flags of
 * the region; every count links to the list of exactly the enterprises it counts.
 */
export function CoverageFigures({ ledger, missing, massOrgOnly, ctx }: Props) {
  const { t } = useI18n();
  const href = (sel: Selection) => figureHref(ctx, sel);
  const inScope = href({ status: 'in_scope' });
  const span = { xs: 24, sm: 12, lg: 8 };
  // 待核实 and 未建党组织、已建群团组织 are counted only where they mean something (null elsewhere).
  const flags: [NonNullable<Selection['flag']>, number | null][] = [
    ['key_watch', ledger.keyWatch],
    ['needs_instructor', ledger.needsInstructor],
    ['missing', missing],
    ['mass_org_only', massOrgOnly],
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {RATES.map((r) => (
          <Col key={r.coverage} {...span}>
            <RateCard
              testId={r.testId}
              title={t(r.title)}
              numerator={ledger[r.count]}
              numeratorTo={href({ coverage: r.coverage })}
              denominator={ledger.inScope}
              denominatorTo={inScope}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={16}>
          <Card title={t('dashboard.categories')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              <Col flex="1 1 140px">
                <FigureCard testId="fig-inScope" title={t('figure.inScope')} value={ledger.inScope} to={inScope} />
              </Col>
              {LEDGER_CATEGORIES.map((c) => (
                <Col key={c} flex="1 1 140px">
                  <FigureCard
                    testId={`fig-${c}`}
                    title={t(`category.${c}`)}
                    value={ledger.categories[c]}
                    to={href({ category: c })}
                  />
                </Col>
              ))}
              <Col flex="1 1 140px">
                <FigureCard
                  testId="fig-closed"
                  title={t('figure.closed')}
                  value={ledger.closed}
                  to={href({ status: 'closed' })}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('dashboard.watch')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {flags.map(
                ([flag, value]) =>
                  value !== null && (
                    <Col key={flag} flex="1 1 140px">
                      <FigureCard testId={`fig-${flag}`} title={t(`flag.${flag}`)} value={value} to={href({ flag })} />
                    </Col>
                  ),
              )}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
