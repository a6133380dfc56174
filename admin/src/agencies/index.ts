import { AgencyCreate } from './AgencyCreate';
import { AgencyEdit } from './AgencyEdit';
import { AgencyList } from './AgencyList';
import { AgencyShow } from './AgencyShow';

export default { list: AgencyList, create: AgencyCreate, edit: AgencyEdit, show: AgencyShow };
