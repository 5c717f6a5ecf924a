import { Flex, Tag, Tooltip } from 'antd';
import type { Member, MemberListItem } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { STATUS_COLOR, useCodeLabels } from './labels.ts';

/** 正式党员 / 预备党员. */
export function StatusTag({ status }: { status: string }) {
  const labels = useCodeLabels();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {labels.label('member.status', status)}
    </Tag>
  );
}

/** What sets a member apart in a list: 流动党员, 应转接, 关系在外, 已离开, and 流出 / 流入 in the mobile view. */
export function MemberFlags({ member }: { member: Member | MemberListItem }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  const side = 'side' in member ? member.side : null;
  return (
    <Flex wrap gap={4}>
      {side && (
        <Tag color={side === 'out' ? 'volcano' : 'geekblue'} style={{ marginInlineEnd: 0 }} data-testid="member-side">
          {labels.label('member.side', side)}
        </Tag>
      )}
      {member.mobile && (
        <Tooltip title={member.workOrgName ?? undefined}>
          <Tag color="purple" style={{ marginInlineEnd: 0 }}>
            {t('member.tag.mobile')}
          </Tag>
        </Tooltip>
      )}
      {member.away?.shouldTransfer && (
        <Tooltip title={member.away.place ?? undefined}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="member-should-transfer">
            {t('member.away.shouldTransfer')}
          </Tag>
        </Tooltip>
      )}
      {member.relationOrgName && !side && (
        <Tooltip title={member.relationOrgName}>
          <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
            {t('member.tag.relationElsewhere')}
          </Tag>
        </Tooltip>
      )}
      {member.leftOn && (
        <Tooltip title={member.leftOn}>
          <Tag style={{ marginInlineEnd: 0 }}>
            {t('member.tag.left', { reason: labels.label('member.leaveReason', member.leaveReason) })}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
