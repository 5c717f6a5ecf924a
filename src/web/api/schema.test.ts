// The web's types are generated from the server's schemas and committed; a response schema
// changed without regenerating them fails here, so CI fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiTypesSource, SCHEMA_FILE } from '../../../scripts/gen-api-types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('generated web types', () => {
  it('src/web/api/schema.ts is what the OpenAPI document generates today', async () => {
    const committed = fs.readFileSync(path.join(root, SCHEMA_FILE), 'utf8');
    const fresh = await apiTypesSource();
    // Not toEqual on 13,000 lines: the message says what to do, then the first line that differs.
    if (fresh !== committed) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const i = a.findIndex((line, n) => line !== b[n]);
      const at = i === -1 ? Math.min(a.length, b.length) : i;
      expect.fail(
        `${SCHEMA_FILE} 已过期：运行 npm run gen:api 更新生成的类型\n` +
          `第 ${at + 1} 行\n  已提交：${a[at] ?? '（文件结束）'}\n  应为：  ${b[at] ?? '（文件结束）'}`,
      );
    }
  });
});
