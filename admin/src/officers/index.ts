import { OfficerCreate } from './OfficerCreate';
import { OfficerEdit } from './OfficerEdit';
import { OfficerList } from './OfficerList';
import { OfficerShow } from './OfficerShow';

export default { list: OfficerList, create: OfficerCreate, edit: OfficerEdit, show: OfficerShow };
