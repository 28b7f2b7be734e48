import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, NOTICE_KEY, SETTINGS_KEY, readSettings, withSite, isEnabledOn } from './settings';
import { loadSettings, saveSettings, takeSettingsNotice } from './settings-store';

describe('readSettings', () => {
  it('gives defaults for nothing stored, without a notice', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });
  it('falls back to defaults for garbage, with a notice', () => {
    for (const junk of [null, 42, 'x', [], { enabled: 'yes' }]) {
      const read = readSettings(junk);
      expect(read.notice).not.toBeNull();
      expect(read.settings.types).toEqual({ person: true, organization: true, place: false });
    }
  });
  it('keeps the valid parts of a damaged value', () => {
    const read = readSettings({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'], hoverDelayMs: -5 });
    expect(read.settings.disabledSites).toEqual(['a.example']);
    expect(read.settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(read.notice).not.toBeNull();
  });
  it('migrates the version 1 format, keeping the sites switched off', () => {
    const old = { version: 1, enabled: true, sitesOff: ['news.example'], types: { person: true, organization: false, place: false }, hoverDelayMs: 500 };
    const read = readSettings(old);
    expect(read.notice).toBeNull();
    expect(read.settings).toMatchObject({ version: 2, disabledSites: ['news.example'], types: { organization: false }, hoverDelayMs: 500, underline: 'dotted' });
  });
  it('reads the page options added later as their defaults when absent, and a damaged one as damaged', () => {
    const { libraryNamesOnPages: _l, firstMentionOnly: _f, ...before } = DEFAULT_SETTINGS;
    expect(readSettings({ ...before, disabledSites: ['a.example'] })).toEqual({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] }, notice: null });
    expect(readSettings({ ...DEFAULT_SETTINGS, libraryNamesOnPages: false, firstMentionOnly: true }).settings).toMatchObject({ libraryNamesOnPages: false, firstMentionOnly: true });
    const damaged = readSettings({ ...DEFAULT_SETTINGS, firstMentionOnly: 'yes' });
    expect(damaged.settings.firstMentionOnly).toBe(false);
    expect(damaged.notice).not.toBeNull();
  });
  it('shows the card’s keyboard hints unless switched off, settings saved before the option keeping them without a notice', () => {
    const { cardKeyHints: _, ...saved } = DEFAULT_SETTINGS;
    expect(readSettings(saved)).toEqual({ settings: { ...DEFAULT_SETTINGS, cardKeyHints: true }, notice: null });
    expect(readSettings({ ...DEFAULT_SETTINGS, cardKeyHints: false }).settings.cardKeyHints).toBe(false);
    expect(readSettings({ ...DEFAULT_SETTINGS, cardKeyHints: 'no' }).notice).not.toBeNull();
  });
  it('switches sites on and off', () => {
    const off = withSite(DEFAULT_SETTINGS, 'a.example', false);
    expect(isEnabledOn(off, 'a.example')).toBe(false);
    expect(isEnabledOn(off, 'b.example')).toBe(true);
    expect(isEnabledOn(withSite(off, 'a.example', true), 'a.example')).toBe(true);
  });
});

describe('settings in browser.storage', () => {
  beforeEach(() => fakeBrowser.reset());
  it('repairs a corrupted value once and leaves one notice', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: '{not json' });
    const read = await loadSettings();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
    expect(await takeSettingsNotice()).toMatch(/reset/);
    expect(await takeSettingsNotice()).toBeNull();
    expect((await loadSettings()).notice).toBeNull();
  });
  it('survives an update from the old format', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, enabled: false, sitesOff: ['x.example'], types: { person: true, organization: true, place: true }, hoverDelayMs: 200 } });
    const { settings } = await loadSettings();
    expect(settings).toMatchObject({ enabled: false, disabledSites: ['x.example'], types: { place: true } });
    await saveSettings(settings);
    expect((await fakeBrowser.storage.local.get(NOTICE_KEY))[NOTICE_KEY]).toBeUndefined();
  });
});
