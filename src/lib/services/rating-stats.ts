/**
 * A service's 好差评 figures: how many ratings, the average, the share satisfied (4 or 5 of 5,
 * "满意率" as the national rules count it), and how many of each level.
 */
export interface RatingStats { count: number; average: number | null; satisfiedShare: number | null; byScore: Record<1 | 2 | 3 | 4 | 5, number> }

export function ratingStats(scores: readonly number[]): RatingStats {
  const byScore = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of scores) if (s === 1 || s === 2 || s === 3 || s === 4 || s === 5) byScore[s]++;
  const count = byScore[1] + byScore[2] + byScore[3] + byScore[4] + byScore[5];
  if (count === 0) return { count, average: null, satisfiedShare: null, byScore };
  const total = byScore[1] + 2 * byScore[2] + 3 * byScore[3] + 4 * byScore[4] + 5 * byScore[5];
  return { count, average: Math.round((total / count) * 10) / 10, satisfiedShare: Math.round(((byScore[4] + byScore[5]) / count) * 1000) / 10, byScore };
}
