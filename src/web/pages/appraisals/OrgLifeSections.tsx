import type { OrgDetail } from '../../api/types.ts';
import { EngagementCard } from '../engagement/EngagementCard.tsx';
import { AppraisalsCard } from './AppraisalsCard.tsx';

/** The org page's sections on appraisals, open activities, pairings and owner engagement (issue #15). */
export function OrgLifeSections({ detail, dissolved }: { detail: OrgDetail; dissolved: boolean }) {
  return (
    <>
      <AppraisalsCard orgId={detail.org.id} dissolved={dissolved} />
      <EngagementCard detail={detail} dissolved={dissolved} />
    </>
  );
}
