// What the achievement pages take from the API and the domain: the record as answered, and
// the kinds and forms in the order the form offers them.
import { ACHIEVEMENT_KINDS, KIND_RULES } from '../../../domain/achievements/codes.ts';
import type { ApiResponse } from '../../api/types.ts';

export type Achievement = ApiResponse<'/api/orgs/{id}/achievements'>[number];
export type AchievementKind = Achievement['kind'];

export const KIND_CODES: readonly AchievementKind[] = ACHIEVEMENT_KINDS.map((k) => k.code);
export { KIND_RULES };
