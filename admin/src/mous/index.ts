import { MouList } from './MouList';

export default { list: MouList };
