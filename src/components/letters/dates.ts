/** A Beijing calendar day (`YYYY-MM-DD`) as a Date at its Beijing noon, for formatDate. */
export const beijingDay = (day: string) => new Date(`${day}T12:00:00+08:00`);
