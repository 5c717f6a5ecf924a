// Where the server bundle lives and whether it is current (scripts/build-server.mjs writes it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = path.join(root, 'dist/server/main.mjs');

/** What the bundle is built from: the non-web sources, and the packages it takes in. */
const SOURCES = ['src/cli', 'src/server', 'src/domain', 'package-lock.json', 'scripts/build-server.mjs'];

/** The newest modification time under `p` (a file or a directory). */
export function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) latest = Math.max(latest, newest(path.join(p, name)));
  return latest;
}

/** True when the bundle exists and no source it is built from changed after it (about 10 ms). */
export function bundleIsFresh() {
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  return SOURCES.map((p) => path.join(root, p)).every((p) => !fs.existsSync(p) || newest(p) <= built);
}
