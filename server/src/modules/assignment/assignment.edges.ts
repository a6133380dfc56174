import type { EdgeSpec } from '../../common/edges';
import { Assignment } from './assignment.entity';
import { assignmentSortColumns } from './assignment.inputs';
import { assignmentPolicy } from './assignment.policy';

/** Assignments under a parent (an officer or a school), scoped by the assignments' policy. */
export const assignmentEdge = (parent: 'officer' | 'school'): EdgeSpec<Assignment> => ({
  entity: Assignment,
  policy: assignmentPolicy,
  parent,
  sortColumns: assignmentSortColumns,
});
