/**
 * What the import worker (`entrypoints/import-worker.ts`) is told and tells,
 * the same in both browsers: in Firefox the background page talks to it, in
 * Chrome the offscreen document, which relays to the service worker.
 */
import type { NameContext } from './derive';
import type { ImportProgress } from './import-job';
import type { ImportFile, ImportOutcome } from './transfer';

export type ToImportWorker = { type: 'start'; files: ImportFile[]; context: NameContext; now: string } | { type: 'cancel' };

/** `changed`: a batch was written, so what the background keeps of the library (names, counts) is stale. */
export type FromImportWorker = { type: 'progress'; progress: ImportProgress; changed: boolean } | { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; message: string };

export const IMPORT_WORKER_PATH = '/import-worker.js';
