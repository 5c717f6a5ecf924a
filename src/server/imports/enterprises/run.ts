// The enterprise file from file to result in one call, on the shared pipeline: what the CLI,
// the demo data, the benchmarks and the tests that need a loaded ledger call.
import type { Actor } from '../../actor.ts';
import { enterpriseImport } from '../adapters/enterprises.ts';
import type { ImportResult, OnProgress } from '../batches.ts';
import { type PipelineDeps, runImport as runPipeline } from '../pipeline.ts';

export type { ImportResult };

export interface ImportRequest {
  /** The uploaded file; it is copied into the data directory, where the error report reads it again. */
  path: string;
  fileName: string;
  period: string;
  source: string;
  partial: boolean;
  dryRun: boolean;
  /** Write into the ledger at once (the CLI); the web app previews first and confirms. */
  apply: boolean;
}

export function runImport(
  deps: PipelineDeps,
  actor: Actor,
  req: ImportRequest,
  onProgress?: OnProgress,
): Promise<ImportResult> {
  return runPipeline(deps, actor, enterpriseImport, req, onProgress);
}
