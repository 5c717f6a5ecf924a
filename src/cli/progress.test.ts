// Progress on standard error: one line rewritten on a terminal, a few lines in a log.
import { describe, expect, it } from 'vitest';
import { cliIo } from './io.ts';
import { progressLine } from './progress.ts';

function capture(tty: boolean) {
  let err = '';
  const io = {
    ...cliIo(
      {},
      () => {},
      (t) => {
        err += t;
      },
    ),
    errIsTty: tty,
  };
  return { io, err: () => err };
}

describe('progressLine', () => {
  it('in a log, prints the start, each further tenth and the end: a dozen lines for any size', () => {
    const { io, err } = capture(false);
    const line = progressLine(io, '演示企业');
    line.update(0, null);
    for (let done = 0; done <= 40_000; done += 100) line.update(done, 40_000);
    line.end();
    const lines = err().trimEnd().split('\n');
    expect(lines[0]).toBe('演示企业：正在统计行数…');
    expect(lines[1]).toBe('演示企业：0 / 40,000（0%）');
    expect(lines).toContain('演示企业：12,000 / 40,000（30%）');
    expect(lines.at(-1)).toBe('演示企业：40,000 / 40,000（100%）');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(err()).not.toContain('\r');
  });

  it('on a terminal, rewrites one line and ends it', () => {
    const { io, err } = capture(true);
    const line = progressLine(io, '读取并校验');
    line.update(0, 3);
    line.update(2, 3);
    line.update(3, 3);
    line.end();
    expect(err()).toBe(
      '\r读取并校验：0 / 3（0%）\x1b[K\r读取并校验：2 / 3（66%）\x1b[K\r读取并校验：3 / 3（100%）\x1b[K\n',
    );
  });
});
