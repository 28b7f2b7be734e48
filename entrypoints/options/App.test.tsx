/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoSeriousAxeViolations, useEnglishUi } from '../../components/test-support';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { OptionsApp } from './App';
import type { ShortcutsApi } from './Shortcuts';

useEnglishUi();
beforeEach(() => fakeBrowser.reset());

const stored = async (): Promise<Settings> => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
const store = (settings: Settings) => fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });

describe('options page', () => {
  it('starts from the defaults: people and organisations on, places off', async () => {
    render(<OptionsApp />);
    const types = await screen.findByRole('group', { name: 'Names to underline' });
    expect((within(types).getByRole('checkbox', { name: 'People' }) as HTMLInputElement).checked).toBe(true);
    expect((within(types).getByRole('checkbox', { name: 'Organisations' }) as HTMLInputElement).checked).toBe(true);
    expect((within(types).getByRole('checkbox', { name: 'Places' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('radio', { name: 'Dotted' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('spinbutton', { name: /Delay before a card opens/ }) as HTMLInputElement).value).toBe('350');
    expect(screen.getByText('No sites are switched off.')).toBeTruthy();
  });

  it('saves every change to storage at once', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Underline names on web pages' }));
    await waitFor(async () => expect((await stored())?.enabled).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Places' }));
    await waitFor(async () => expect((await stored()).types).toEqual({ person: true, organization: true, place: true }));
    fireEvent.click(screen.getByRole('radio', { name: 'Wavy' }));
    await waitFor(async () => expect((await stored()).underline).toBe('wavy'));
    const delay = screen.getByRole('spinbutton', { name: /Delay/ });
    fireEvent.input(delay, { target: { value: '600' } });
    await waitFor(async () => expect((await stored()).hoverDelayMs).toBe(600));
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Saved.');
    // The card's line of keyboard hints: shown by default, hidden here.
    const hints = screen.getByRole('checkbox', { name: 'Show the keys for the next and previous name at the foot of the card' }) as HTMLInputElement;
    expect(hints.checked).toBe(true);
    fireEvent.click(hints);
    await waitFor(async () => expect((await stored()).cardKeyHints).toBe(false));
  });

  it('shows the library’s names on pages by default, says a page can see them, and saves both page switches', async () => {
    render(<OptionsApp />);
    const group = await screen.findByRole('group', { name: 'On web pages' });
    const library = within(group).getByRole('checkbox', { name: 'Underline names from my library on pages' }) as HTMLInputElement;
    const first = within(group).getByRole('checkbox', { name: 'Underline the first mention of each name only' }) as HTMLInputElement;
    expect([library.checked, first.checked]).toEqual([true, false]);
    expect(library.getAttribute('aria-describedby') && document.getElementById(library.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/can see which of its words are underlined/);
    fireEvent.click(library);
    await waitFor(async () => expect((await stored())?.libraryNamesOnPages).toBe(false));
    fireEvent.click(first);
    await waitFor(async () => expect((await stored()).firstMentionOnly).toBe(true));
    expect((await stored()).libraryNamesOnPages).toBe(false);
  });

  it('does not save a delay out of range, and says why', async () => {
    render(<OptionsApp />);
    const delay = await screen.findByRole('spinbutton', { name: /Delay/ });
    fireEvent.input(delay, { target: { value: '5000' } });
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 0 to 3000.')).toBeTruthy();
    expect(await stored()).toBeUndefined();
  });

  it('lists the sites switched off and switches one back on', async () => {
    await store({ ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] });
    render(<OptionsApp />);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.dataset.site)).toEqual(['a.example', 'b.example']);
    await expectNoSeriousAxeViolations(document.body);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example' }));
    await waitFor(async () => expect((await stored()).disabledSites).toEqual(['b.example']));
    expect(screen.queryByRole('button', { name: 'Remove a.example' })).toBeNull();
  });

  it('follows changes made elsewhere (the popup switch) while open', async () => {
    render(<OptionsApp />);
    await screen.findByText('No sites are switched off.');
    await store({ ...DEFAULT_SETTINGS, disabledSites: ['c.example'] });
    expect(await screen.findByRole('button', { name: 'Remove c.example' })).toBeTruthy();
  });

  it('shows the keyboard shortcuts as the browser holds them, and opens the browser’s page to change them', async () => {
    let assigned = { next: 'Alt+Shift+N', previous: null as string | null };
    const api: ShortcutsApi = { read: vi.fn(async () => assigned), openBrowserSettings: vi.fn(async () => {}) };
    render(<OptionsApp shortcutsApi={api} />);
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    const [next, previous] = within(section).getAllByRole('listitem');
    expect(next.textContent).toBe('Alt+Shift+N next name');
    // No key in the browser (Chromium keeps Alt+Shift+P for itself): the page answers it, and the page says so.
    expect(previous.textContent).toBe('Alt+Shift+P previous name (not set in the browser; the page answers this key itself)');
    expect(section.textContent).toContain('The shortcuts do nothing while you type in a text field or editor.');
    fireEvent.click(within(section).getByRole('button', { name: 'Change the shortcuts in the browser' }));
    expect(api.openBrowserSettings).toHaveBeenCalledTimes(1);
    // Back from the browser's page with a new key: the page shows it.
    assigned = { next: 'Ctrl+Shift+Y', previous: 'Alt+Shift+P' };
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(within(section).getAllByRole('listitem')[0].textContent).toBe('Ctrl+Shift+Y next name'));
    expect(within(section).getAllByRole('listitem')[1].textContent).toBe('Alt+Shift+P previous name');
    await expectNoSeriousAxeViolations(document.body);
  });

  it('shows the notice left by repaired settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 2, enabled: 'yes' } });
    render(<OptionsApp />);
    expect((await screen.findByText(/were reset to the defaults/)).id).toBe('settings-notice');
  });
});
