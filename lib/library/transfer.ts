/**
 * Export and import of the library: one JSON file in an open format (see the
 * README, "Your library"), each article's text in the seeds format beside its
 * sidecar, so that a maintainer can write `file` and `meta` out as
 * `seeds/NAME.txt` and `seeds/NAME.meta.json`. Import also takes `.txt` files
 * in the seeds format (and their `.meta.json` sidecars). Every file is checked
 * before anything is written; the first problem refuses the whole import,
 * naming the file and what is wrong. An exported `id` is not read back: which
 * saved article an imported one is follows from its address and text
 * (`identity.ts`), so a file cannot name an article to overwrite.
 */
import { parseArticle, validateMeta } from '../engine/article';
import { decodeSeed } from '../engine/corpus';
import type { SaveResult } from './db';
import { libraryIdOf, type SavedArticle, textHashOf } from './format';

export const EXPORT_FORMAT = 'iran-iraq-context-library';
export const EXPORT_VERSION = 1;

export interface ExportedArticle {
  id: string;
  /** The seeds file name: `<id>.txt`; its sidecar is `<id>.meta.json` with `meta`. */
  file: string;
  /** The article in the seeds format. */
  text: string;
  /** The sidecar (title, outlet, date, time, url), as `seeds/NAME.meta.json` takes it. */
  meta: SavedArticle['meta'];
  byline: string | null;
  savedAt: string;
}

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ExportedArticle[];
}

export interface ImportFile {
  name: string;
  text: string;
}

/** `merged`: articles of the files that were one with another (the same article twice in the files, or the same text as one saved under another address). */
export type ImportOutcome =
  | { imported: true; articles: number; added: number; updated: number; merged: number }
  | { imported: false; file: string; problem: string }
  /** The reader stopped it: what it had written was taken out again. */
  | { imported: false; cancelled: true };

/** What an import did, from what the library said of each article. */
export function importCounts(results: readonly SaveResult[]): ImportOutcome {
  const count = (test: (r: SaveResult) => boolean) => results.filter(test).length;
  return { imported: true, articles: results.length, added: count((r) => !r.updated && !r.duplicate), updated: count((r) => r.updated), merged: count((r) => r.duplicate) };
}

export function exportLibrary(articles: readonly SavedArticle[], now: Date): LibraryExport {
  const sorted = [...articles].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.id < b.id ? -1 : 1));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles: sorted.map((a) => ({ id: a.id, file: `${a.id}.txt`, text: a.text, meta: a.meta, byline: a.byline, savedAt: a.savedAt })),
  };
}

class ImportProblem extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(problem);
  }
}

/** Seeds text that the engine reads as an article, or the reason it is not one. */
function checkText(file: string, text: string): string {
  const decoded = decodeSeed({ name: file, bytes: new TextEncoder().encode(text) });
  if ('problem' in decoded) throw new ImportProblem(file, decoded.problem.line ? `line ${decoded.problem.line}: ${decoded.problem.reason}` : decoded.problem.reason);
  if (parseArticle('import', decoded.text).paragraphs.length === 0) throw new ImportProblem(file, 'no article text in it');
  return decoded.text;
}

function checkMeta(file: string, value: unknown): SavedArticle['meta'] {
  const { meta, problems } = validateMeta(value);
  if (problems.length) throw new ImportProblem(file, `sidecar: ${problems[0]}`);
  return meta;
}

async function saved(text: string, meta: SavedArticle['meta'], byline: string | null, savedAt: string): Promise<SavedArticle> {
  const url = meta.url ?? null;
  return { id: await libraryIdOf(url, text), url, text, meta, byline, savedAt, textHash: await textHashOf(text) };
}

async function fromExport(file: ImportFile): Promise<SavedArticle[]> {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    throw new ImportProblem(file.name, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const data = value as Partial<LibraryExport> | null;
  if (typeof data !== 'object' || data === null || data.format !== EXPORT_FORMAT) throw new ImportProblem(file.name, `not a library export (no "format": "${EXPORT_FORMAT}")`);
  if (data.version !== EXPORT_VERSION) throw new ImportProblem(file.name, `export version ${String(data.version)}, this version reads ${EXPORT_VERSION}`);
  if (!Array.isArray(data.articles)) throw new ImportProblem(file.name, '"articles" must be a list');
  const out: SavedArticle[] = [];
  for (const [i, raw] of data.articles.entries()) {
    const where = `${file.name}, article ${i + 1}`;
    const a = raw as Partial<ExportedArticle> | null;
    if (typeof a !== 'object' || a === null) throw new ImportProblem(where, 'not an object');
    if (typeof a.text !== 'string') throw new ImportProblem(where, '"text" must be the article in the seeds format');
    const text = checkText(where, a.text);
    const meta = checkMeta(where, a.meta ?? {});
    if (a.byline !== undefined && a.byline !== null && typeof a.byline !== 'string') throw new ImportProblem(where, '"byline" must be text or null');
    if (typeof a.savedAt !== 'string' || Number.isNaN(Date.parse(a.savedAt))) throw new ImportProblem(where, '"savedAt" must be a date and time (ISO 8601)');
    out.push(await saved(text, meta, a.byline ?? null, a.savedAt));
  }
  return out;
}

/** The articles in the files, or the first problem, by file name. */
export async function readImport(files: readonly ImportFile[], now: Date): Promise<{ articles: SavedArticle[] } | { file: string; problem: string }> {
  try {
    if (files.length === 0) throw new ImportProblem('(no file)', 'choose a library export (.json) or articles (.txt)');
    const sidecars = new Map(files.filter((f) => f.name.endsWith('.meta.json')).map((f) => [f.name.replace(/\.meta\.json$/, ''), f]));
    const articles: SavedArticle[] = [];
    for (const file of files) {
      if (file.name.endsWith('.meta.json')) {
        if (!files.some((f) => f.name === file.name.replace(/\.meta\.json$/, '.txt'))) throw new ImportProblem(file.name, 'a sidecar without its article (.txt)');
      } else if (file.name.endsWith('.json')) {
        articles.push(...(await fromExport(file)));
      } else if (file.name.endsWith('.txt')) {
        const text = checkText(file.name, file.text);
        const sidecar = sidecars.get(file.name.replace(/\.txt$/, ''));
        let meta = {};
        if (sidecar) {
          try {
            meta = checkMeta(sidecar.name, JSON.parse(sidecar.text));
          } catch (error) {
            throw error instanceof ImportProblem ? error : new ImportProblem(sidecar.name, 'not valid JSON');
          }
        }
        articles.push(await saved(text, meta, null, now.toISOString()));
      } else {
        throw new ImportProblem(file.name, 'not a library export (.json) or an article in the seeds format (.txt)');
      }
    }
    return { articles };
  } catch (error) {
    if (error instanceof ImportProblem) return { file: error.file, problem: error.message };
    throw error;
  }
}
