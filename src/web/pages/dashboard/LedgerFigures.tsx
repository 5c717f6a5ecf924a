import { Card, Col, Row } from 'antd';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { LedgerFigures as Figures } from '../../types.ts';
import { ledgerHref } from '../ledger/filter.ts';
import { FigureCard } from './FigureCard.tsx';
import { RateCard } from './RateCard.tsx';

const IN_SCOPE = ledgerHref({ status: ['in_scope'] });

/**
 * The ledger's headline figures: the three coverage rates, the categories and the flags.
 * Every count links to the list of exactly the enterprises it counts. 党组织覆盖 and 党的工作覆盖
 * have no such list yet (the ledger's filters cannot select "covered"), so those numerators
 * are plain numbers.
 */
export function LedgerFigures({ ledger }: { ledger: Figures }) {
  const { t } = useI18n();
  const span = { xs: 24, sm: 12, lg: 8 };
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col {...span}>
          <RateCard
            title={t('rate.orgCoverageRate')}
            rate={ledger.orgCoverageRate}
            numerator={ledger.orgCovered}
            denominator={ledger.inScope}
            denominatorTo={IN_SCOPE}
          />
        </Col>
        <Col {...span}>
          <RateCard
            title={t('rate.standaloneRate')}
            rate={ledger.standaloneRate}
            numerator={ledger.standalone}
            numeratorTo={ledgerHref({ category: ['standalone'] })}
            denominator={ledger.inScope}
            denominatorTo={IN_SCOPE}
          />
        </Col>
        <Col {...span}>
          <RateCard
            title={t('rate.workCoverageRate')}
            rate={ledger.workCoverageRate}
            numerator={ledger.workCovered}
            denominator={ledger.inScope}
            denominatorTo={IN_SCOPE}
          />
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={16}>
          <Card title={t('dashboard.categories')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              <Col flex="1 1 140px">
                <FigureCard title={t('figure.inScope')} value={ledger.inScope} to={IN_SCOPE} />
              </Col>
              {LEDGER_CATEGORIES.map((c) => (
                <Col key={c} flex="1 1 140px">
                  <FigureCard
                    title={t(`category.${c}`)}
                    value={ledger.categories[c]}
                    to={ledgerHref({ category: [c] })}
                  />
                </Col>
              ))}
              <Col flex="1 1 140px">
                <FigureCard title={t('figure.closed')} value={ledger.closed} to={ledgerHref({ status: ['closed'] })} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('dashboard.watch')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              <Col flex="1 1 140px">
                <FigureCard
                  title={t('flag.key_watch')}
                  value={ledger.keyWatch}
                  to={ledgerHref({ flag: ['key_watch'] })}
                />
              </Col>
              <Col flex="1 1 140px">
                <FigureCard
                  title={t('flag.needs_instructor')}
                  value={ledger.needsInstructor}
                  to={ledgerHref({ flag: ['needs_instructor'] })}
                />
              </Col>
              <Col flex="1 1 140px">
                <FigureCard title={t('flag.missing')} value={ledger.missing} to={ledgerHref({ flag: ['missing'] })} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
