// The watch outbox's storage key names, alone so the storage adapter can know them without
// bundling the outbox itself.

/** The outbox index (and, before version 2, the whole outbox). */
export const OUTBOX_KEY = 'outbox';
/** One held session per key: `outbox:r:<slot>`. */
export const OUTBOX_RECORD_PREFIX = 'outbox:r:';
