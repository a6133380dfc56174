/** The tip fields the console's own pages read (the queue, the steps, the dashboard card). */
export const TIP_ROW = 'id referenceNumber source receivedAt category lifeSafety status overdue firstActionDueAt school { id name }';

export const TIP_QUEUE = `query($perPage: Int!) { tipQueue(perPage: $perPage) { totalCount items { ${TIP_ROW} } } }`;

export const MY_TIPS = `query { tips(filter: { mine: true, status: null }, perPage: 100, sort: { field: RECEIVED_AT, order: ASC }) {
  totalCount items { ${TIP_ROW} } } }`;

export const OVERDUE_TIPS = `query { tips(filter: { overdue: true }, perPage: 5, sort: { field: RECEIVED_AT, order: ASC }) { totalCount items { ${TIP_ROW} } } }`;

export const TIP_STEPS = `query($tipId: ID!) { tipSteps(filter: { tipId: $tipId }, perPage: 100) {
  items { id takenAt kind minutes note officer { id firstName lastName } } } }`;

export const LOG_STEP = `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`;

export interface TipRow {
  id: string;
  referenceNumber: string;
  source: string;
  receivedAt: string;
  category: string;
  lifeSafety: boolean;
  status: string;
  overdue: boolean;
  firstActionDueAt: string;
  school: { id: string; name: string } | null;
}

export interface TipPage {
  totalCount: number;
  items: TipRow[];
}
