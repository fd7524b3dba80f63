/** The ratings applicants gave a service, read from its completed applications. */
import { ratingStats, type RatingStats } from '../../lib/services/rating-stats.ts';
import type { Store } from '../store/store.ts';

export async function serviceRatings(store: Store, serviceCode: string): Promise<RatingStats> {
  const scores: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const { items } = await store.listCases({ kind: 'application', category: serviceCode, state: 'closed', limit: 500, offset });
    for (const c of items) {
      const rating = c.data.rating as { score?: unknown } | undefined;
      if (typeof rating?.score === 'number') scores.push(rating.score);
    }
    if (items.length < 500) return ratingStats(scores);
  }
}
