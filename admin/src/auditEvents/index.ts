import { AuditEventList } from './AuditEventList';

export default { list: AuditEventList };
