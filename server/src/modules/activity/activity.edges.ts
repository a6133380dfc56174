import type { EdgeSpec } from '../../common/edges';
import { Activity } from './activity.entity';
import { activitySortColumns } from './activity.inputs';
import { activityPolicy } from './activity.policy';

/** Activities under a parent (an officer or a school), scoped by the activities' policy. */
export const activityEdge = (parent: 'officer' | 'school'): EdgeSpec<Activity> => ({
  entity: Activity,
  policy: activityPolicy,
  parent,
  sortColumns: activitySortColumns,
});
