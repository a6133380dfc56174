import type { RequestContext } from '../../common/context';
import { loadEdgeItems, type EdgeSpec } from '../../common/edges';
import { PageArgs } from '../../common/list';
import { Assignment } from './assignment.entity';
import { AssignmentSort, assignmentSortColumns } from './assignment.inputs';
import { assignmentPolicy } from './assignment.policy';
import { activeOn } from './assignment.rules';

type Parent = 'officer' | 'school';

const edge = (parent: Parent): EdgeSpec<Assignment> => ({
  entity: Assignment,
  policy: assignmentPolicy,
  parent,
  sortColumns: assignmentSortColumns,
});
const EDGES: Record<Parent, EdgeSpec<Assignment>> = { officer: edge('officer'), school: edge('school') };

/** Assignments under a parent (an officer or a school), scoped by the assignments' policy. */
export const assignmentEdge = (parent: Parent): EdgeSpec<Assignment> => EDGES[parent];

/**
 * The assignments of an officer or a school active on `day`, by start date (at most 100: one officer or school
 * never has that many at once). Parents asking for the same day share one batch.
 */
export function assignmentsActiveOn(ctx: RequestContext, parent: Parent, parentId: number, day: string): Promise<Assignment[]> {
  return loadEdgeItems(ctx, EDGES[parent], parentId, `active on ${day}`, () => ({
    where: activeOn(day),
    sort: new AssignmentSort(),
    page: Object.assign(new PageArgs(), { perPage: 100 }),
  }));
}
