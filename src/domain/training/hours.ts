// Yearly training hours against the requirement (rules.md §12). The requirement is configurable
// per region; a person's hours are the classes they were present at (ending in the year) and
// the online courses marked done in the year. Below the requirement is a prompt for the org and
// its managers — never a ranking, so nothing here orders people by their hours.

/** Who a requirement applies to: members; secretaries and committee members; instructors and liaisons. */
export const HOUR_GROUPS = [
  { code: 'member', label: '党员', en: 'Members' },
  { code: 'officer', label: '书记和支部委员', en: 'Secretaries and committee members' },
  { code: 'instructor', label: '指导员和联络员', en: 'Instructors and liaisons' },
] as const;
export type HourGroup = (typeof HOUR_GROUPS)[number]['code'];

export type TrainingRequirements = Record<HourGroup, number>;

/** rules.md §12's values, the default where no region has set its own. */
export const DEFAULT_TRAINING_REQUIREMENTS: TrainingRequirements = { member: 32, officer: 56, instructor: 24 };

/** Hours are kept to one decimal (half a class hour is common); sums are rounded the same way. */
export const roundHours = (h: number) => Math.round(h * 10) / 10;

export interface HoursStanding {
  hours: number;
  required: number;
  /** How many hours are still missing; 0 once met. */
  missing: number;
  below: boolean;
}

/** A person's standing: meeting the requirement exactly is meeting it. */
export function standing(hours: number, required: number): HoursStanding {
  const h = roundHours(hours);
  const below = h < required;
  return { hours: h, required, missing: below ? roundHours(required - h) : 0, below };
}
