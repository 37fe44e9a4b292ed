/**
 * Options every function shares, set once with `setGlobalOptions` before any trigger is declared.
 * One region keeps Firestore, the functions and (later) their task queues together.
 */
export const GLOBAL_OPTIONS = {
  region: 'us-central1',
} as const;

/** The pulse function's timeout, seconds. */
export const PULSE_TIMEOUT_SECONDS = 55;

/** The key-rotation task's timeout, seconds. */
export const ROTATE_TIMEOUT_SECONDS = 540;
