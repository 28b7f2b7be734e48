/**
 * Init script for the popup: types a query the moment the search box exists
 * (as a user who starts typing at once) and notes when the first result
 * option is in the DOM. Times are ms since navigation start.
 */
import { PROBE_GLOBAL, type PopupProbeState } from './api';

const QUERY = 'Zarif';
const state: PopupProbeState = { inputAt: null, typedAt: null, resultsAt: null, options: 0 };
(globalThis as unknown as Record<string, PopupProbeState>)[PROBE_GLOBAL] = state;

const check = (observer: MutationObserver): void => {
  const input = document.querySelector<HTMLInputElement>('input#search');
  if (input && state.inputAt === null) {
    state.inputAt = performance.now();
    input.value = QUERY;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    state.typedAt = performance.now();
  }
  const options = document.querySelectorAll('[role="option"]');
  if (options.length > 0 && state.resultsAt === null) {
    state.resultsAt = performance.now();
    state.options = options.length;
    observer.disconnect();
  }
};

const observer = new MutationObserver(() => check(observer));
observer.observe(document, { childList: true, subtree: true });
