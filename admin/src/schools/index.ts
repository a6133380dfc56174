import { SchoolCreate } from './SchoolCreate';
import { SchoolEdit } from './SchoolEdit';
import { SchoolList } from './SchoolList';
import { SchoolShow } from './SchoolShow';

export default { list: SchoolList, create: SchoolCreate, edit: SchoolEdit, show: SchoolShow };
