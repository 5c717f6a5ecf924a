// 双向进入、交叉兼职 (documents 000, 004): the org's officers who hold posts in the enterprise.
// The annual table counts the same three facts in SQL (src/server/reports/officerTallies.ts).

export interface OfficerPosts {
  post: string;
  startOn: string | null;
  endOn: string | null;
  enterprisePost: string | null;
  legalRepresentative: boolean;
  unionChair: boolean;
}

export interface CrossHolding {
  /** Officers in post holding a management post in the enterprise (双向进入). */
  managementPosts: number;
  /** The secretary in post is the enterprise's legal representative (法定代表人兼任党组织书记). */
  secretaryLegalRepresentative: boolean;
  /** The secretary in post chairs the enterprise's trade union. */
  secretaryUnionChair: boolean;
}

/** In post on a date: started by then (or no start recorded) and not yet left. */
export function inPostOn(o: Pick<OfficerPosts, 'startOn' | 'endOn'>, date: string): boolean {
  return (o.startOn === null || o.startOn <= date) && (o.endOn === null || o.endOn > date);
}

/** The cross-holding figures of one org's officers on a date. */
export function crossHolding(officers: readonly OfficerPosts[], date: string): CrossHolding {
  const current = officers.filter((o) => inPostOn(o, date));
  const secretary = current.find((o) => o.post === 'secretary');
  return {
    managementPosts: current.filter((o) => o.enterprisePost !== null || o.legalRepresentative).length,
    secretaryLegalRepresentative: secretary?.legalRepresentative ?? false,
    secretaryUnionChair: secretary?.unionChair ?? false,
  };
}
