import { Card, Col, Row } from 'antd';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import type { LedgerFigures } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FigureCard } from './FigureCard.tsx';
import { type FigureContext, figureHref } from './links.ts';
import { RateCard } from './RateCard.tsx';

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
  const href = (sel: Parameters<typeof figureHref>[1]) => figureHref(ctx, sel);
  const inScope = href({ status: 'in_scope' });
  const span = { xs: 24, sm: 12, lg: 8 };
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col {...span}>
          <RateCard
            testId="rate-org"
            title={t('dashboard.rate.org')}
            numerator={ledger.orgCovered}
            numeratorTo={href({ coverage: 'org' })}
            denominator={ledger.inScope}
            denominatorTo={inScope}
          />
        </Col>
        <Col {...span}>
          <RateCard
            testId="rate-standalone"
            title={t('rate.standaloneRate')}
            numerator={ledger.standalone}
            numeratorTo={href({ coverage: 'standalone' })}
            denominator={ledger.inScope}
            denominatorTo={inScope}
          />
        </Col>
        <Col {...span}>
          <RateCard
            testId="rate-work"
            title={t('rate.workCoverageRate')}
            numerator={ledger.workCovered}
            numeratorTo={href({ coverage: 'work' })}
            denominator={ledger.inScope}
            denominatorTo={inScope}
          />
        </Col>
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
              <Col flex="1 1 140px">
                <FigureCard
                  testId="fig-key_watch"
                  title={t('flag.key_watch')}
                  value={ledger.keyWatch}
                  to={href({ flag: 'key_watch' })}
                />
              </Col>
              <Col flex="1 1 140px">
                <FigureCard
                  testId="fig-needs_instructor"
                  title={t('flag.needs_instructor')}
                  value={ledger.needsInstructor}
                  to={href({ flag: 'needs_instructor' })}
                />
              </Col>
              {missing !== null && (
                <Col flex="1 1 140px">
                  <FigureCard
                    testId="fig-missing"
                    title={t('flag.missing')}
                    value={missing}
                    to={href({ flag: 'missing' })}
                  />
                </Col>
              )}
              {massOrgOnly !== null && (
                <Col flex="1 1 140px">
                  <FigureCard
                    testId="fig-mass_org_only"
                    title={t('flag.mass_org_only')}
                    value={massOrgOnly}
                    to={href({ flag: 'mass_org_only' })}
                  />
                </Col>
              )}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
