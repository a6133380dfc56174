import { Create, SimpleForm } from 'react-admin';
import { ActivityInputs } from './ActivityInputs';
import { withoutStrayTopic } from './transform';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function ActivityCreate() {
  const named = useNamedSuccess('created', 'list');
  return (
    <Create mutationOptions={named} transform={withoutStrayTopic}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <ActivityInputs />
      </SimpleForm>
    </Create>
  );
}
