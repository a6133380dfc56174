import { OfficerAbsenceCreate } from './OfficerAbsenceCreate';
import { OfficerAbsenceEdit } from './OfficerAbsenceEdit';
import { OfficerAbsenceList } from './OfficerAbsenceList';
import { OfficerAbsenceShow } from './OfficerAbsenceShow';

export default { list: OfficerAbsenceList, create: OfficerAbsenceCreate, edit: OfficerAbsenceEdit, show: OfficerAbsenceShow };
