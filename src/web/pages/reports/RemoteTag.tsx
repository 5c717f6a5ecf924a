import { Tag, Tooltip } from 'antd';
import type { RemoteStanding } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

type Remote = RemoteStanding;

const COLOR: Record<Remote['status'], string> = { none: 'default', received: 'green', returned: 'orange' };

/** Beside a child region's row whose figures come from its deployment's package: 未报 / 已报 / 退回 (with the reason). */
export function RemoteTag({ remote, region }: { remote: Remote | undefined | null; region: string }) {
  const { t } = useI18n();
  if (!remote) return null;
  const tag = (
    <Tag color={COLOR[remote.status]} style={{ marginInlineStart: 4 }} data-testid={`remote-${region}`}>
      {t('upward.remoteTag', { status: t(`upward.status.${remote.status}` as MessageKey) })}
    </Tag>
  );
  return remote.reason ? <Tooltip title={t('upward.remoteReason', { reason: remote.reason })}>{tag}</Tooltip> : tag;
}
