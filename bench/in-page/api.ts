/**
 * The contract between the Node side of the bench and the code it injects
 * into pages (bundled by ../page-bundle.ts). Plain data only: every result
 * crosses the DevTools protocol as JSON.
 */

export const API_GLOBAL = 'iicBench';
export const PROBE_GLOBAL = 'iicProbe';
export const GAP_PROBE_GLOBAL = 'iicGapProbe';
export const STORM_GLOBAL = 'iicStorm';

export interface FloorResult {
  ms: number;
  nodes: number;
  chars: number;
}

export interface DetectResult {
  ms: number;
  /** The collectText part of `ms`; the rest is findMentions. */
  collectMs: number;
  /** Characters of page text as the matcher sees it. */
  chars: number;
  mentions: number;
}

export interface UnderlineResult {
  /** Start of scanning to the first frame painted after the scanner went idle. */
  ms: number;
  /** Start of scanning to idle, without the wait for paint. */
  scanMs: number;
  mentions: number;
  /**
   * Main-thread tasks over 50 ms meanwhile, script or rendering. Bench pages run
   * no scripts of their own and are painted before we start, so every one of
   * these is our doing: our script, or the style and paint work that our
   * stylesheet and highlights cause.
   */
  longTasks: number[];
}

export interface MarkResult {
  ms: number;
  marks: number;
}

export interface IncrementalOptions {
  paragraphs: string[];
  /** 'frame': one paragraph per frame, each its own flush; 'burst': back-to-back tasks, flushes coalesce. */
  mode: 'frame' | 'burst';
  /** Append the same paragraphs without our scanner: the page's own cost of growing. */
  control?: boolean;
}

export interface IncrementalBatch {
  /** Main-thread time of our flush and the scanning it started, in that frame. */
  ms: number;
  flushes: number;
  /** Characters handed to the matcher by this batch: a rescan would show the whole page here. */
  chars: number;
  /** Page text length (chars) after this batch. */
  pageChars: number;
  /** The rendering that followed in the same frame (style, layout, highlight painting). */
  renderMs: number;
}

export interface IncrementalResult {
  initialMs: number;
  initialMentions: number;
  batches: IncrementalBatch[];
  /** 'burst' mode: first append to idle and painted. */
  totalMs: number;
  flushes: number;
  chars: number;
  mentions: number;
}

export interface ScanApi {
  /** Waits until the page's first layout and paint are behind us. */
  settle(): Promise<void>;
  floor(): FloorResult;
  detect(): DetectResult;
  underline(): Promise<UnderlineResult>;
  mark(keywords: string[]): Promise<MarkResult>;
  incremental(options: IncrementalOptions): Promise<IncrementalResult>;
}

export interface LongTaskEntry {
  start: number;
  duration: number;
}

export interface FrameScript {
  url: string;
  invoker: string;
  duration: number;
}

export interface LongFrameEntry {
  start: number;
  duration: number;
  scripts: FrameScript[];
}

/** What the load probe (an init script) gathers from navigation start on. */
export interface ProbeState {
  longTasks: LongTaskEntry[];
  longFrames: LongFrameEntry[];
  /** Every change of the total number of highlighted ranges, by time. */
  changes: { t: number; total: number }[];
  stopped: boolean;
}

/** What the popup probe saw, in ms since navigation start. */
export interface PopupProbeState {
  inputAt: number | null;
  typedAt: number | null;
  resultsAt: number | null;
  options: number;
}

/** What the gap probe (an init script) gathers: when its 16 ms timer ran, and the ranges highlighted at its last tick. */
export interface GapProbeState {
  ticks: number[];
  ranges: number;
}
