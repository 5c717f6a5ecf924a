// `npm start`: build the web app and the server bundle when their sources changed since the
// last build, then serve in this process's child (bin/dangjian.mjs), which runs the bundle.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh, newest } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

const sources = ['src/web', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
const stale = !fs.existsSync(built) || Math.max(...sources.filter(fs.existsSync).map(newest)) > newest(built);
if (stale) {
  console.log('正在构建 Web 界面（仅在源码变化后需要）…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!bundleIsFresh()) {
  const { buildServer } = await import('./build-server.mjs');
  await buildServer();
}

process.argv = [process.argv[0], 'dangjian', 'serve', ...process.argv.slice(2)];
await import('../bin/dangjian.mjs');
