// `npm start`: build the web app when its sources changed since the last build, then serve.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

const sources = ['src/web', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
const stale = !fs.existsSync(built) || Math.max(...sources.filter(fs.existsSync).map(newest)) > newest(built);
if (stale) {
  console.log('正在构建 Web 界面（仅在源码变化后需要）…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.argv = [process.argv[0], 'dangjian', 'serve'];
await import('../bin/dangjian.mjs');
