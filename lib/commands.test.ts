import { describe, expect, it } from 'vitest';
import { assignedShortcuts, directionOfCommand, effectiveShortcuts, manifestCommands, pageFallbackDirection } from './commands';

const key = (code: string, key = code.slice(3), mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = { altKey: true, shiftKey: true }) => ({
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
  code,
  key,
});

describe('keyboard commands', () => {
  it('declares next and previous name with the documented keys and localised descriptions', () => {
    expect(manifestCommands()).toEqual({
      'next-name': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextName__' },
      'previous-name': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPreviousName__' },
      'save-article': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandSaveArticle__' },
    });
    expect(directionOfCommand('next-name')).toBe('next');
    expect(directionOfCommand('previous-name')).toBe('previous');
    expect(directionOfCommand('_execute_action')).toBeNull();
    expect(directionOfCommand('toString')).toBeNull();
  });

  it('reads the keys the browser holds, and none where the browser gave none', () => {
    const chromium = [{ name: '_execute_action', shortcut: '' }, { name: 'next-name', shortcut: '' }, { name: 'previous-name', shortcut: '' }];
    expect(assignedShortcuts(chromium)).toEqual({ next: null, previous: null });
    expect(assignedShortcuts([{ name: 'next-name', shortcut: 'Ctrl+Shift+Y' }, { name: 'previous-name' }])).toEqual({ next: 'Ctrl+Shift+Y', previous: null });
  });

  it('shows the browser’s key where it holds one, else the key the page answers itself', () => {
    expect(effectiveShortcuts({ next: 'Ctrl+Shift+Y', previous: null })).toEqual({
      next: { keys: 'Ctrl+Shift+Y', inPage: false },
      previous: { keys: 'Alt+Shift+P', inPage: true },
    });
  });

  it('answers Alt+Shift+N / P in the page only for a command the browser holds no key for', () => {
    const none = { next: null, previous: null };
    expect(pageFallbackDirection(key('KeyN'), none)).toBe('next');
    expect(pageFallbackDirection(key('KeyP', 'p'), none)).toBe('previous');
    // macOS types ˜ for Alt+Shift+N: the physical key decides.
    expect(pageFallbackDirection(key('KeyN', '˜'), none)).toBe('next');
    // The browser holds the key: it arrives as a command, never twice. The reader moved it elsewhere: the old key stops.
    expect(pageFallbackDirection(key('KeyN'), { next: 'Alt+Shift+N', previous: null })).toBeNull();
    expect(pageFallbackDirection(key('KeyN'), { next: 'Ctrl+Shift+Y', previous: null })).toBeNull();
    expect(pageFallbackDirection(key('KeyP'), { next: 'Ctrl+Shift+Y', previous: null })).toBe('previous');
    for (const other of [key('KeyN', 'N', { altKey: true }), key('KeyN', 'N', { altKey: true, shiftKey: true, ctrlKey: true }), key('KeyM'), key('Digit1', '!')]) {
      expect(pageFallbackDirection(other, none)).toBeNull();
    }
  });
});
