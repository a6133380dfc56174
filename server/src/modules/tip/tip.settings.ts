/** The tip deadlines (config.ts: TIP_LIFE_SAFETY_MINUTES, TIP_FIRST_ACTION_HOURS) and the program's time zone. */
export interface TipSettings {
  lifeSafetyMinutes: number;
  firstActionHours: number;
  timeZone: string;
}

let current: TipSettings = { lifeSafetyMinutes: 30, firstActionHours: 24, timeZone: 'UTC' };

/** Set once as the schema is built (graphql/schema.ts). */
export function configureTips(settings: TipSettings): void {
  current = settings;
}

export const tipSettings = (): TipSettings => current;

/** Minutes allowed before the first action. */
export const allowedMinutes = (lifeSafety: boolean) => (lifeSafety ? tipSettings().lifeSafetyMinutes : tipSettings().firstActionHours * 60);

/** When the first action is due. */
export const firstActionDueAt = (tip: { receivedAt: Date; lifeSafety: boolean }) =>
  new Date(tip.receivedAt.getTime() + allowedMinutes(tip.lifeSafety) * 60_000);

/** Open, without a first action, past its deadline. */
export const isOverdue = (tip: { receivedAt: Date; lifeSafety: boolean; firstActionAt?: Date | null; status: string }, now = new Date()) =>
  !tip.firstActionAt && tip.status !== 'CLOSED' && firstActionDueAt(tip) < now;
