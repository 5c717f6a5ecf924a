import { processIo } from './io.ts';
import { runProgram } from './program.ts';

// `dangjian … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await runProgram(process.argv.slice(2), processIo());
// A failure ends the process at once; success leaves it to end by itself (`serve` keeps serving).
if (code !== 0) process.exit(code);
