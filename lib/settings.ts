/**
 * User settings, validated on every read: a corrupted or old-format value
 * falls back to defaults (keeping whatever parts are still valid) and leaves a
 * one-time notice for the popup, instead of crashing anything.
 */
import type { UnderlineType } from './engine/types';

export const SETTINGS_KEY = 'settings';
export const NOTICE_KEY = 'settingsNotice';
export const SETTINGS_VERSION = 2;

export type UnderlineStyle = 'solid' | 'dotted' | 'wavy';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The global switch. */
  enabled: boolean;
  /** Host names where the extension is switched off. */
  disabledSites: string[];
  types: Record<UnderlineType, boolean>;
  underline: UnderlineStyle;
  hoverDelayMs: number;
  /**
   * Underline names found only in the reader's library on web pages. A page's
   * scripts can read every underlined range (the highlight registry is shared
   * with the page), so a reader who wants the library invisible to sites turns
   * this off; the bundled corpus's names are underlined either way.
   */
  libraryNamesOnPages: boolean;
  /** Underline only the first mention of each name on a page. */
  firstMentionOnly: boolean;
  /** The card's line of keyboard hints (next and previous name). */
  cardKeyHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  types: { person: true, organization: true, place: false },
  underline: 'dotted',
  hoverDelayMs: 350,
  libraryNamesOnPages: true,
  firstMentionOnly: false,
  cardKeyHints: true,
};

/** Added after version 2 without a new version: absent means the default, as for anyone who never changed them. */
const OPTIONAL_SWITCHES = ['libraryNamesOnPages', 'firstMentionOnly', 'cardKeyHints'] as const;

export interface ReadSettings {
  settings: Settings;
  /** Why the stored value could not be used as it was, if it could not. */
  notice: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns whatever storage holds into valid settings. Version 1 kept the site
 * list as `sitesOff` and had no underline style; it is migrated, not reset.
 */
export function readSettings(stored: unknown): ReadSettings {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, notice: null };
  if (!isRecord(stored)) return { settings: DEFAULT_SETTINGS, notice: 'Your settings could not be read and were reset to the defaults.' };
  const raw: Record<string, unknown> = stored.version === 1 ? { ...stored, disabledSites: stored.sitesOff, version: SETTINGS_VERSION } : stored;
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  let bad = raw.version !== SETTINGS_VERSION;
  if (typeof raw.enabled === 'boolean') s.enabled = raw.enabled;
  else bad = true;
  if (Array.isArray(raw.disabledSites) && raw.disabledSites.every((h) => typeof h === 'string')) s.disabledSites = [...new Set(raw.disabledSites as string[])];
  else bad = true;
  if (isRecord(raw.types)) {
    for (const t of ['person', 'organization', 'place'] as const) {
      if (typeof raw.types[t] === 'boolean') s.types[t] = raw.types[t] as boolean;
      else bad = true;
    }
  } else bad = true;
  if (raw.underline === 'solid' || raw.underline === 'dotted' || raw.underline === 'wavy') s.underline = raw.underline;
  else if (stored.version !== 1) bad = true;
  if (typeof raw.hoverDelayMs === 'number' && raw.hoverDelayMs >= 0 && raw.hoverDelayMs <= 3000) s.hoverDelayMs = Math.round(raw.hoverDelayMs);
  else bad = true;
  for (const key of OPTIONAL_SWITCHES) {
    if (typeof raw[key] === 'boolean') s[key] = raw[key] as boolean;
    else if (raw[key] !== undefined) bad = true;
  }
  return { settings: s, notice: bad ? 'Some of your settings were damaged and were reset to the defaults.' : null };
}

export function isEnabledOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

export function enabledTypes(settings: Settings): UnderlineType[] {
  return (Object.keys(settings.types) as UnderlineType[]).filter((t) => settings.types[t]);
}

export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((h) => h !== host);
  return { ...settings, disabledSites: on ? others : [...others, host] };
}
