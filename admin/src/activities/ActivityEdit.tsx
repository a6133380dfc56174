import { Edit, SimpleForm } from 'react-admin';
import { EditGuard } from '../common/EditGuard';
import { ActivityInputs } from './ActivityInputs';
import { withoutStrayTopic } from './transform';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function ActivityEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named} transform={withoutStrayTopic}>
      <EditGuard reason="This activity can no longer be changed: officers may change their log up to 14 days after the activity's date.">
        <SimpleForm>
          <KeepUnsavedEdit />
          <ActivityInputs />
        </SimpleForm>
      </EditGuard>
    </Edit>
  );
}
