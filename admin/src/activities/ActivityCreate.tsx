import { Create, SimpleForm } from 'react-admin';
import { ActivityInputs } from './ActivityInputs';
import { withoutStrayTopic } from './transform';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function ActivityCreate() {
  return (
    <Create redirect="list" transform={withoutStrayTopic}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <ActivityInputs />
      </SimpleForm>
    </Create>
  );
}
