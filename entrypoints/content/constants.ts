/** Our one element on a page; the DOM layer prunes it from scanning. */
export const HOST_TAG = 'iran-iraq-context-ui';
/** Pointer grace period before a card closes, so the pointer can travel to it. */
export const LEAVE_GRACE_MS = 300;
export const FLASH_MS = 1600;
