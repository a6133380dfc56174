import { ActivityCreate } from './ActivityCreate';
import { ActivityEdit } from './ActivityEdit';
import { ActivityList } from './ActivityList';
import { ActivityShow } from './ActivityShow';

export default { list: ActivityList, create: ActivityCreate, edit: ActivityEdit, show: ActivityShow };
