import type { StoreOps } from '../store/store.ts';

/** A limit of `max` hits per fixed window of `windowMs`. */
export interface RateLimit { max: number; windowMs: number }

/** Counts one hit on `key`; true when this hit goes over the limit. */
export async function overLimit(store: Pick<StoreOps, 'hit'>, key: string, limit: RateLimit, now?: Date): Promise<boolean> {
  return (await store.hit(key, limit.windowMs, now)) > limit.max;
}
