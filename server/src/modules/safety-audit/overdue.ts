import type { CorrectiveAction } from './corrective-action.entity';
import { CorrectiveActionStatus } from './safety-audit.enums';

/** Overdue: past its due day and not DONE (a DEFERRED action past due is overdue too). */
export const isOverdue = (action: Pick<CorrectiveAction, 'dueOn' | 'status'>, today: string) =>
  action.dueOn < today && action.status !== CorrectiveActionStatus.DONE;
