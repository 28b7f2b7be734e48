/**
 * The two keyboard commands (next / previous name), in one place: the manifest
 * declares them from here (wxt.config.ts), the background relays them, the
 * content script acts on them, and the card and options page show their keys.
 */

export type NameDirection = 'next' | 'previous';

/** What the manifest calls each command, and the key it suggests to the browser. */
export const NAME_COMMANDS = {
  'next-name': { direction: 'next', suggestedKey: 'Alt+Shift+N', description: '__MSG_commandNextName__' },
  'previous-name': { direction: 'previous', suggestedKey: 'Alt+Shift+P', description: '__MSG_commandPreviousName__' },
} as const satisfies Record<string, { direction: NameDirection; suggestedKey: string; description: string }>;

export type NameCommand = keyof typeof NAME_COMMANDS;

/** Save the page's article to the reader's library (the same as the popup's button); handled by the background, not the page. */
export const SAVE_COMMAND = 'save-article';
// L for library. Not S: Firefox's menu bar takes Alt+S (History) before an extension's command sees it.
export const SAVE_SUGGESTED_KEY = 'Alt+Shift+L';

/** The manifest's `commands` entry. */
export function manifestCommands(): Record<NameCommand | typeof SAVE_COMMAND, { suggested_key: { default: string }; description: string }> {
  const entry = (command: NameCommand) => ({ suggested_key: { default: NAME_COMMANDS[command].suggestedKey }, description: NAME_COMMANDS[command].description });
  return {
    'next-name': entry('next-name'),
    'previous-name': entry('previous-name'),
    [SAVE_COMMAND]: { suggested_key: { default: SAVE_SUGGESTED_KEY }, description: '__MSG_commandSaveArticle__' },
  };
}

export function directionOfCommand(command: string): NameDirection | null {
  return Object.hasOwn(NAME_COMMANDS, command) ? NAME_COMMANDS[command as NameCommand].direction : null;
}

/** The keys the browser has assigned to each command; null where none is (the reader cleared it, or the browser refused ours). */
export type AssignedShortcuts = Record<NameDirection, string | null>;

/** From `browser.commands.getAll()`. */
export function assignedShortcuts(commands: readonly { name?: string; shortcut?: string }[]): AssignedShortcuts {
  const assigned: AssignedShortcuts = { next: null, previous: null };
  for (const command of commands) {
    const direction = command.name ? directionOfCommand(command.name) : null;
    if (direction && command.shortcut) assigned[direction] = command.shortcut;
  }
  return assigned;
}

/**
 * Where a command has no key in the browser, the content script still answers
 * the suggested one itself (see `pageFallbackDirection`): Chromium refuses to
 * assign Alt+Shift+N and Alt+Shift+P to an extension (they are its own
 * split-view and other accelerators), so without this the documented keys
 * would do nothing there until the reader set them.
 */
export interface Shortcut {
  keys: string;
  /** true when the page answers the key itself because the browser has none for this command. */
  inPage: boolean;
}

export function effectiveShortcuts(assigned: AssignedShortcuts): Record<NameDirection, Shortcut> {
  const one = (direction: NameDirection, suggested: string): Shortcut =>
    assigned[direction] ? { keys: assigned[direction], inPage: false } : { keys: suggested, inPage: true };
  return { next: one('next', NAME_COMMANDS['next-name'].suggestedKey), previous: one('previous', NAME_COMMANDS['previous-name'].suggestedKey) };
}

/**
 * The direction a keydown asks for when the page itself must answer it: the
 * suggested Alt+Shift+N / P, only for a command the browser holds no key for
 * (a key the browser holds never reaches the page as a command of ours, and a
 * key the reader moved elsewhere must stop working here).
 */
export function pageFallbackDirection(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'key' | 'code'>, assigned: AssignedShortcuts): NameDirection | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  // event.code first: on some layouts (and on macOS) Alt+Shift+N types another character into `key`.
  const letter = event.code.startsWith('Key') ? event.code.slice(3) : event.key.toUpperCase();
  for (const { direction, suggestedKey } of Object.values(NAME_COMMANDS)) {
    if (suggestedKey === `Alt+Shift+${letter}`) return assigned[direction] === null ? direction : null;
  }
  return null;
}
