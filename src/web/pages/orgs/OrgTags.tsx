import { Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { OrgFacts, OrgFinding } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DATE_FORMAT } from './dates.ts';
import { FINDING_COLOR, FINDING_LEVELS, findingLevelKey, isDissolved, termState } from './labels.ts';

/** The findings counted by level (逾期 1, 提醒 2 …), each tag listing its messages on hover. */
export function FindingTags({ findings }: { findings: OrgFinding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {FINDING_LEVELS.map((level) => {
        const of = findings.filter((f) => f.level === level);
        if (of.length === 0) return null;
        return (
          <Tooltip
            key={level}
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {of.map((f) => (
                  <li key={f.code}>{f.message}</li>
                ))}
              </ul>
            }
          >
            <Tag color={FINDING_COLOR[level]} style={{ marginInlineEnd: 0 }} data-testid={`findings-${level}`}>
              {t('org.findingCount', { label: t(findingLevelKey(level)), count: of.length })}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

/** The end of the term in force, marked when re-election is due or overdue. */
export function TermEnd({ facts, findings }: { facts: OrgFacts; findings: OrgFinding[] }) {
  const { t } = useI18n();
  if (!facts.termEndsOn) return <Typography.Text type="secondary">{t('org.noTerm')}</Typography.Text>;
  const state = termState(findings);
  return (
    <Flex wrap gap={4} align="center">
      <span style={{ whiteSpace: 'nowrap' }}>{facts.termEndsOn}</span>
      {state && (
        <Tag color={state === 'overdue' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {t(state === 'overdue' ? 'org.term.overdue' : 'org.term.due')}
        </Tag>
      )}
    </Flex>
  );
}

/** Full and probationary members, marked （填报） while they are the reported counts. */
export function MemberCounts({ facts }: { facts: OrgFacts }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {t('org.memberCounts', { full: facts.fullMembers, probationary: facts.members - facts.fullMembers })}
      {!facts.membersRecorded && (
        <Tooltip title={t('org.reportedHint')}>
          <Typography.Text type="secondary"> {t('org.reported')}</Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}

/** 已撤销 for a dissolved org. */
export function DissolvedTag({ dissolvedOn }: { dissolvedOn: string | null }) {
  const { t } = useI18n();
  if (!isDissolved(dissolvedOn, dayjs().format(DATE_FORMAT))) return null;
  return (
    <Tooltip title={dissolvedOn}>
      <Tag>{t('org.dissolvedTag')}</Tag>
    </Tooltip>
  );
}
