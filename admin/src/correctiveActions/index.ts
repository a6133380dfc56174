import { CorrectiveActionList } from './CorrectiveActionList';

export default { list: CorrectiveActionList };
