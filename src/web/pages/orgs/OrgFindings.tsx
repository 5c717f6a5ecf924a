import { Alert, Flex } from 'antd';
import type { OrgFinding } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FINDING_ALERT, FINDING_LEVELS } from './labels.ts';

/** What the formation and term rules say about the org, the most pressing first. */
export function OrgFindings({ findings }: { findings: OrgFinding[] }) {
  const { t, has, lang } = useI18n();
  if (findings.length === 0) return null;
  const ordered = [...findings].sort((a, b) => FINDING_LEVELS.indexOf(a.level) - FINDING_LEVELS.indexOf(b.level));
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="org-findings">
      {ordered.map((f) => {
        // The server's message is in Chinese, with the figures: the whole story in zh-CN; in
        // another language the finding's name comes first, the message under it.
        const key = `finding.${f.code}`;
        const named = lang !== 'zh-CN' && has(key);
        return (
          <Alert
            key={f.code}
            type={FINDING_ALERT[f.level]}
            showIcon
            title={named ? t(key) : f.message}
            description={named ? f.message : undefined}
          />
        );
      })}
    </Flex>
  );
}
