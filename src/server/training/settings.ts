// The yearly training-hour requirements (rules.md §12, *configurable*), kept per region under
// 'training' like the instructor rules: a region without its own follows the nearest above it.
import { z } from '@hono/zod-openapi';
import { DEFAULT_TRAINING_REQUIREMENTS, type TrainingRequirements } from '../../domain/training/hours.ts';
import type { Db, Tx } from '../db/client.ts';
import { putRegionalValue, regionalResolver, regionalValue } from '../settings/regional.ts';

const hours = (label: string) =>
  z
    .number({ error: `请填写${label}每年应完成的学时` })
    .min(1, `${label}每年应完成的学时至少为 1`)
    .max(500, `${label}每年应完成的学时不超过 500`)
    .refine((h) => Number.isInteger(h * 2), `${label}的学时以 0.5 为单位`);

export const TrainingSettings = z
  .object({
    member: hours('党员'),
    officer: hours('书记和支部委员'),
    instructor: hours('指导员和联络员'),
  })
  .openapi('TrainingSettings');

const KEY = 'training';

const withDefaults = (stored: Partial<TrainingRequirements> | null): TrainingRequirements => ({
  ...DEFAULT_TRAINING_REQUIREMENTS,
  ...(stored ?? {}),
});

export async function getTrainingSettings(db: Db | Tx, regionCode: string): Promise<TrainingRequirements> {
  return withDefaults((await regionalValue<Partial<TrainingRequirements>>(db, KEY, regionCode)).value);
}

/** The requirements of any region from one read: for lists spanning regions. */
export async function trainingSettingsResolver(db: Db | Tx): Promise<(regionCode: string) => TrainingRequirements> {
  const resolve = await regionalResolver<Partial<TrainingRequirements>>(db, KEY);
  return (regionCode) => withDefaults(resolve(regionCode).value);
}

export async function putTrainingSettings(tx: Tx, regionCode: string, next: TrainingRequirements): Promise<void> {
  await putRegionalValue(tx, KEY, regionCode, next);
}
