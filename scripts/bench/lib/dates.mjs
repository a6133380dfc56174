/** Calendar dates as whole days since 1970-01-01 (UTC), which is cheap to loop over and compare. */
const DAY_MS = 86_400_000;

export const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday ... 6 = Saturday. */
export const weekday = (day) => (day + 4) % 7;

/** Today's date in UTC, as YYYY-MM-DD. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
