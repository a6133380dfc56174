import { Create, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function AgencyCreate() {
  const named = useNamedSuccess('created', 'show');
  return (
    <Create mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <AgencyInputs />
      </SimpleForm>
    </Create>
  );
}
