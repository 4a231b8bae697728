/**
 * The import worker thread: reads one file (import-read.ts) and posts the rows back. It runs with
 * a memory cap (import-run.ts), so a hostile file fails here, not in the main process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSheetFile, type ReadLimits } from './import-read';

interface Job {
  format: 'csv' | 'xlsx';
  content: Uint8Array;
  limits: ReadLimits;
}

const job = workerData as Job;
readSheetFile(job.format, Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength), job.limits).then(
  (result) => parentPort!.postMessage(result),
  (e: unknown) => parentPort!.postMessage({ crashed: e instanceof Error ? e.name : 'Error' }),
);
