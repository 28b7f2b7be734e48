import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ImportProgress } from '../../lib/library/import-job';
import { importOutcomeText } from '../../lib/library/save-text';
import type { LibraryApi } from './library-api';

/** How often the page asks how the running import goes. */
const STATUS_EVERY_MS = 1000;

/** As the corpus build says it of a seed file. */
const NOT_UTF8 = 'not UTF-8 text (wrong encoding?); save the file as UTF-8';

function strictUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** How far the running import got, with a bar and a way to stop it. */
function ImportRunning({ progress, onCancel }: { progress: ImportProgress; onCancel(): void }) {
  const { phase, done, total } = progress;
  const label = phase === 'reading' ? t('libraryImportReading') : phase === 'undoing' ? t('libraryImportUndoing') : t('libraryImportSaving', done.toLocaleString(), total.toLocaleString());
  return (
    <div class="library-import-running" id="library-import-running">
      <label for="library-import-progress">{label}</label>
      {/* No value while reading or undoing: the bar says work goes on without a count. */}
      <progress id="library-import-progress" max={phase === 'saving' && total > 0 ? total : undefined} value={phase === 'saving' && total > 0 ? done : undefined} />
      {phase !== 'undoing' && (
        <button type="button" class="iic-button" id="library-import-cancel" onClick={onCancel}>
          {t('libraryImportCancel')}
        </button>
      )}
    </div>
  );
}

/** Export to one JSON file (the format is in the README), import from such a file or from seeds-format .txt files. */
export function LibraryTransfer({ api, onDone, onError }: { api: LibraryApi; onDone(message: string): void; onError(): void }) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => api.onImportProgress(setProgress), [api]);
  const importing = progress !== null;
  useEffect(() => {
    if (!importing) return;
    // Firefox suspends an event page idle for 30 s, and the import worker with it: a request every second is not idle.
    const timer = setInterval(() => void api.importStatus().catch(() => undefined), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [api, importing]);
  const exportFile = async () => {
    const data = await api.exportLibrary();
    // A Blob URL made here and handed to the browser's own download: nothing is sent anywhere.
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `iran-iraq-context-library-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFiles = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (chosen.length === 0) return;
    // Decoded strictly as UTF-8 (the seeds format): File.text() would quietly read a UTF-16 file, or put U+FFFD for bad bytes.
    const decoded = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: strictUtf8(await f.arrayBuffer()) })));
    const unreadable = decoded.find((f) => f.text === null);
    if (unreadable) {
      onDone(t('libraryImportRefused', unreadable.name, NOT_UTF8));
      return;
    }
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      onDone(importOutcomeText(await api.importFiles(decoded as { name: string; text: string }[])));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div class="library-transfer">
      <button type="button" class="iic-button" id="library-export" onClick={() => void exportFile().catch(onError)}>
        {t('libraryExport')}
      </button>
      <label class="library-import">
        {t('libraryImport')}
        <input
          id="library-import"
          class="iic-file-input"
          type="file"
          multiple
          accept=".json,.txt,application/json,text/plain"
          disabled={progress !== null}
          onChange={(e) => void importFiles(e.currentTarget).catch(onError)}
        />
      </label>
      {progress && <ImportRunning progress={progress} onCancel={() => void api.cancelImport().catch(onError)} />}
    </div>
  );
}
