/**
 * Reading an uploaded file where it cannot take the server down: in a worker thread with its own
 * heap limit, and a time limit, fresh for each read. A file the readers' own limits miss — one
 * built to exhaust memory or time in a way no check foresaw — ends that thread, not the process,
 * and the read fails with an `UploadError` that says so; the import's batch then fails with it.
 *
 * The rows come back a batch at a time when the caller asks for more, so memory on both sides
 * holds one batch whatever the file, and a slow consumer (the database) slows the reader.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import esbuild from 'esbuild';
import type { SheetRow } from './cells.ts';
import { UploadError } from './errors.ts';
import type { UploadKind } from './inspect.ts';
import type { ReadReply, ReadRequest, WireRow } from './readWorker.ts';

export interface IsolationLimits {
  /** The reading thread's old generation (V8's heap where the rows and strings live). */
  heapMb: number;
  /** Time the reading thread may take, in all, while the caller waits for rows. */
  timeMs: number;
}

export const DEFAULT_ISOLATION_LIMITS: Readonly<IsolationLimits> = Object.freeze({
  heapMb: 128,
  timeMs: 5 * 60_000,
});

const READER = fileURLToPath(new URL('./readWorker.ts', import.meta.url));

let readerScript: Promise<string> | undefined;

/**
 * The reading thread's code as one plain script, bundled once per process. A new thread does
 * not inherit the TypeScript hooks (tsx) the server runs with: registering them in each thread
 * and compiling the reader there again took most of a second per read; a thread running this
 * script starts in a few tens of milliseconds. Each read still gets a thread of its own.
 */
function readerCode(): Promise<string> {
  readerScript ??= esbuild
    .build({ entryPoints: [READER], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' })
    .then((result) => result.outputFiles[0].text)
    .catch((error: unknown) => {
      readerScript = undefined;
      throw error;
    });
  return readerScript;
}

const outOfMemory = (heapMb: number) =>
  new UploadError(
    'read_limit',
    `读取文件时超出内存上限（${heapMb} MB），已停止读取：文件的结构异常（例如极多的空单元格、超长的内容）。请在 Excel 中打开文件，删除多余的行、列后另存为 .xlsx 再上传`,
  );
const outOfTime = (timeMs: number) =>
  new UploadError(
    'read_limit',
    `读取文件超过时间上限（${Math.round(timeMs / 1000)} 秒），已停止读取：文件过大或结构异常。请拆分文件或在 Excel 中另存为 .xlsx 后再上传`,
  );

/** A row as the reader gave it: a wide one rebuilt with its gaps left as holes. */
function fromWire(row: WireRow): SheetRow {
  if ('cells' in row) return row;
  const cells: unknown[] = [];
  for (let k = 0; k < row.at.length; k++) cells[row.at[k]] = row.values[k];
  return { rowNumber: row.rowNumber, cells };
}

/** Asks the thread for the next batch (or the count); settles with it, or with why there is none. */
function ask(worker: Worker, request: ReadRequest, limits: IsolationLimits, timeLeft: number): Promise<ReadReply> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: ReadReply) => {
      done();
      resolve(reply);
    };
    const onError = (error: Error & { code?: string }) => {
      done();
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(outOfMemory(limits.heapMb));
      else reject(new Error(`读取文件的线程出错：${error.name}: ${error.message.split('\n')[0].slice(0, 300)}`));
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`读取文件的线程意外退出（${code}）`));
    };
    const timer = setTimeout(
      () => {
        done();
        reject(outOfTime(limits.timeMs));
      },
      Math.max(0, timeLeft),
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * The rows of the file, as `readRows` gives them, read in a thread of their own within `limits`.
 * With `onCount`, the thread first counts the rows (a pass of its own, within the same limits)
 * and `onCount` is awaited with that number before the first row comes: what progress is
 * measured against. Throws the reader's `UploadError`, or `UploadError` 'read_limit' when the
 * thread ran out of memory or time. Stopping early (`break`) ends the thread.
 */
export async function* readRowsIsolated(
  path: string,
  kind: UploadKind,
  limits: IsolationLimits = DEFAULT_ISOLATION_LIMITS,
  onCount?: (rows: number) => unknown,
): AsyncGenerator<SheetRow> {
  const worker = new Worker(await readerCode(), {
    eval: true,
    workerData: { path, kind },
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  let spent = 0;
  const request = async (what: ReadRequest) => {
    const started = performance.now();
    const reply = await ask(worker, what, limits, limits.timeMs - spent);
    spent += performance.now() - started;
    if ('error' in reply) {
      const e = reply.error;
      if ('internal' in e) throw new Error(`读取文件时出错：${e.internal}`);
      throw new UploadError(e.code as UploadError['code'], e.message);
    }
    return reply;
  };
  try {
    if (onCount) {
      const reply = await request('count');
      if ('count' in reply) await onCount(reply.count);
    }
    for (;;) {
      const reply = await request('next');
      if (!('rows' in reply)) throw new Error('读取文件的线程答非所问');
      for (const row of reply.rows) yield fromWire(row);
      if (reply.done) return;
    }
  } finally {
    await worker.terminate();
  }
}
