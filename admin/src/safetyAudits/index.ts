import { SafetyAuditList } from './SafetyAuditList';
import { SafetyAuditShow } from './SafetyAuditShow';

export default { list: SafetyAuditList, show: SafetyAuditShow };
