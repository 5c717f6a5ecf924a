import { Tag, Tooltip } from 'antd';
import type { Development } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCodeLabels } from '../members/labels.ts';

export const STAGE_COLOR: Record<string, string> = {
  applicant: 'blue',
  activist: 'cyan',
  candidate: 'gold',
  probationary: 'orange',
  full: 'red',
};

/** The stage reached; 已结束 for a closed record. */
export function StageTag({ development: d }: { development: Development }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  if (d.closedOn) {
    return (
      <Tooltip title={labels.label('development.closeReason', d.closedReason)}>
        <Tag style={{ marginInlineEnd: 0 }}>{t('development.closed')}</Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color={d.stage ? STAGE_COLOR[d.stage] : undefined} style={{ marginInlineEnd: 0 }}>
      {labels.label('development.stage', d.stage)}
    </Tag>
  );
}

/** 提前办理, with the steps and their written reasons on hover. */
export function EarlyTag({ development: d }: { development: Development }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  if (d.early.length === 0) return null;
  return (
    <Tooltip
      title={d.early.map((e) => (
        <div key={e.step}>
          {labels.label('development.step', e.step)}：{e.reason}
        </div>
      ))}
    >
      <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="early-tag">
        {t('development.earlyTag')}
      </Tag>
    </Tooltip>
  );
}
