// What a board card says of a record at its stage: the date it got there and what falls due next.

import type { Development } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export interface DueLine {
  label: MessageKey;
  value: string;
  /** The step this line is due for; red when it is overdue. */
  step?: string;
  /** Not yet done: a date to meet, not one recorded. */
  due?: boolean;
}

export function dueLines(d: Development): DueLine[] {
  const lines: DueLine[] = [];
  const add = (label: MessageKey, value: string | null | undefined, more: Partial<DueLine> = {}) => {
    if (value) lines.push({ label, value, ...more });
  };
  switch (d.stage) {
    case 'applicant':
      add('development.short.appliedOn', d.appliedOn);
      if (d.talkedOn) add('development.short.talkedOn', d.talkedOn);
      else add('development.due.talkDue', d.due.talkDue, { step: 'talk', due: true });
      break;
    case 'activist':
      add('development.short.activistOn', d.activistOn);
      add('development.due.candidateEarliest', d.due.candidateEarliest, { due: true });
      add('development.short.contacts', d.contacts.join('、'));
      break;
    case 'candidate':
      add('development.short.candidateOn', d.candidateOn);
      add('development.short.politicalReviewOn', d.politicalReviewOn);
      add('development.short.introducers', d.introducers.join('、'));
      break;
    case 'probationary':
      add('development.short.admittedOn', d.admittedOn);
      if (d.approvedOn) add('development.short.approvedOn', d.approvedOn);
      else add('development.due.approvalDue', d.due.approvalDue, { step: 'approval', due: true });
      add('development.due.probationEnd', d.due.probationEnd, { due: true });
      if (!d.fullMeetingOn)
        add('development.due.fullApprovalDue', d.due.fullApprovalDue, { step: 'full_meeting', due: true });
      else add('development.due.fullApprovalDue', d.due.fullApprovalDue, { step: 'full_approval', due: true });
      break;
    case 'full':
      add('development.short.admittedOn', d.admittedOn);
      add('development.short.fullApprovedOn', d.fullApprovedOn);
      break;
  }
  return lines;
}
