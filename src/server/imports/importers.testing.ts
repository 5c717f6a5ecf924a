// The import tests' usual start: a fresh import fixture with 宜昌's committee as the importer.
import type { Actor } from '../actor.ts';
import { actorOf, importFixture } from '../testing/imports.ts';

export type ImportFixture = Awaited<ReturnType<typeof importFixture>>;

/** The import fixture, and 宜昌's committee (420500) as the importer acting directly (not over HTTP). */
export async function yichangImporter(): Promise<{ fx: ImportFixture; yichang: Actor }> {
  const fx = await importFixture();
  const yichang = actorOf(await fx.makeUser({ roles: ['committee'], regionCode: '420500' }));
  return { fx, yichang };
}
