/**
 * What a command reads and where it writes: the process's own environment and streams when
 * `dangjian` runs, or a test's environment and buffers when a test runs a command in its own
 * process (src/server/testing/cli.ts).
 */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Standard output, as is. */
  out(text: string): void;
  /** One line on standard output, as console.log prints it. */
  log(line: string): void;
  /** Standard error, as is: progress, and the one failure line. */
  err(text: string): void;
  /** Standard error is a terminal: progress rewrites one line there, and prints a few lines elsewhere. */
  errIsTty?: boolean;
  /** Set by a command that completes yet fails: a rejected import with --json prints its result, then exits 1. */
  exitCode?: number;
}

export function cliIo(env: NodeJS.ProcessEnv, out: (text: string) => void, err: (text: string) => void): CliIo {
  return { env, out, err, log: (line) => out(`${line}\n`) };
}

export function processIo(): CliIo {
  const io = cliIo(
    process.env,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
  return { ...io, errIsTty: Boolean(process.stderr.isTTY) };
}
