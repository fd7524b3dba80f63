/**
 * The one Store of this server process, and the working-day calendar deadlines count on.
 * Both are opened on first use and shared by every request: the Store holds the database
 * connection (migrations run when it opens), the calendar is read once from the `calendar`
 * content collection (STANDARDS.md §5) that was built into the server.
 */
import { getCollection } from 'astro:content';
import { buildCalendar, withProvisionalYears, type WorkingDayCalendar } from '../lib/working-days.ts';
import { openStore } from './store/open-store.ts';
import { scheduleMaintenance } from './maintenance.ts';
import type { Store } from './store/store.ts';

/**
 * Kept on globalThis: when the publisher switches the server to a new release, the new release's
 * code shares the open Store (and its hourly housekeeping) instead of opening a second one.
 */
const STORE = Symbol.for('portal.store');
const shared = globalThis as unknown as Record<symbol, Promise<Store> | undefined>;
let calendar: Promise<WorkingDayCalendar> | undefined;

/** The process's Store (SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set). */
export function getStore(): Promise<Store> {
  shared[STORE] ??= openStore(process.env).then(
    (opened) => {
      scheduleMaintenance(opened);
      return opened;
    },
    (e: unknown) => {
      shared[STORE] = undefined; // let the next request try again rather than fail forever
      throw e;
    },
  );
  return shared[STORE];
}

/**
 * The working-day calendar from content/calendar/<year>.yaml, with provisional years (weekends
 * and fixed-date holidays) after the last published one, so that no letter is refused because
 * next year's arrangement has not been announced yet. Staff should add each year's file as
 * soon as the State Council publishes it.
 */
export function getCalendar(): Promise<WorkingDayCalendar> {
  calendar ??= getCollection('calendar').then((entries) => {
    const years = entries.map((e) => e.data);
    const nextYear = new Date().getUTCFullYear() + 1;
    return buildCalendar(withProvisionalYears(years, nextYear + 1));
  });
  return calendar;
}
