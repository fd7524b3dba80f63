/**
 * Housekeeping the server does while it runs: forgets rate-limit counters of windows long past
 * (the proof-of-work single-use marks among them) and deletes expired staff sessions. Hourly,
 * on a timer that never keeps the process alive; a failure is logged and tried again next hour.
 * Cases, timelines and the audit log are never touched.
 */
import type { Store } from './store/store.ts';

export const MAINTENANCE_EVERY_MS = 60 * 60_000;
/** Longer than every rate-limit window and proof-of-work expiry in use. */
export const KEEP_COUNTERS_MS = 2 * 24 * 60 * 60_000;

export async function maintain(store: Store, now = new Date()): Promise<{ counters: number; sessions: number }> {
  const counters = await store.pruneRateLimits(new Date(now.getTime() - KEEP_COUNTERS_MS));
  const sessions = await store.deleteExpiredSessions(now);
  return { counters, sessions };
}

export function scheduleMaintenance(store: Store): void {
  const run = () => maintain(store).catch((e: unknown) => console.error('maintenance failed:', e));
  setTimeout(run, 60_000).unref();
  setInterval(run, MAINTENANCE_EVERY_MS).unref();
}
