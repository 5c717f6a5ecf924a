import type { CliIo } from './io.ts';

/** 12,000 with its thousands grouped, whatever the machine's locale. */
export const figure = (n: number) => n.toLocaleString('en-US');

export interface ProgressLine {
  /** `done` of `total` so far; a total of null is not counted yet. */
  update(done: number, total: number | null): void;
  /** Ends the line (on a terminal); call once the work is done or failed. */
  end(): void;
}

/**
 * Progress of long work on standard error, as "label 12,000 / 40,000（30%）". On a terminal it
 * is one line rewritten in place; anywhere else (a log file, a pipe, a test) a line is printed
 * only when the total becomes known, at each further tenth of it, and at the end, so a log
 * holds about a dozen lines whatever the size of the work.
 */
export function progressLine(io: CliIo, label: string): ProgressLine {
  let shown = false;
  let lastTenth = -1;
  let last = '';
  const text = (done: number, total: number | null) =>
    total === null
      ? `${label}：正在统计行数…`
      : `${label}：${figure(done)} / ${figure(total)}（${total === 0 ? 100 : Math.floor((done / total) * 100)}%）`;
  return {
    update(done, total) {
      const line = text(done, total);
      if (line === last) return;
      last = line;
      if (io.errIsTty) {
        io.err(`\r${line}\x1b[K`);
        shown = true;
        return;
      }
      const tenth = total === null ? -1 : total === 0 ? 10 : Math.floor((done / total) * 10);
      if (shown && tenth <= lastTenth) return;
      lastTenth = tenth;
      shown = true;
      io.err(`${line}\n`);
    },
    end() {
      if (io.errIsTty && shown) io.err('\n');
      shown = false;
    },
  };
}
