/**
 * The server under load, in a process of its own so the load generator does not share its
 * event loop: started exactly as `dangjian serve` starts it, configured by the environment.
 */
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/serve.ts';

const server = await startServer(loadConfig(process.env), (line) => console.error(line));
process.send?.('ready');
process.on('SIGTERM', () => {
  void server.stop().finally(() => process.exit(0));
});
