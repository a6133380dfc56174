import { ApiTokenCreate } from './ApiTokenCreate';
import { ApiTokenList } from './ApiTokenList';

export default { list: ApiTokenList, create: ApiTokenCreate };
