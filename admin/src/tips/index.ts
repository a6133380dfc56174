import { TipCreate } from './TipCreate';
import { TipEdit } from './TipEdit';
import { TipList } from './TipList';
import { TipShow } from './TipShow';

export default { list: TipList, create: TipCreate, edit: TipEdit, show: TipShow };
