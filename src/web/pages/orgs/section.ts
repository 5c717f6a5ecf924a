import type { OrgDetail } from '../../api/types.ts';

/** What each card of an org's page is given. */
export interface OrgSectionProps {
  detail: OrgDetail;
  /** A dissolved org's record is closed: it is read, not added to. */
  dissolved: boolean;
  /** Reload the org and what its changes move (the ledger's categories, the dashboard). */
  onChanged: () => void;
}
