import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context';

/**
 * Every operation runs in one database transaction: reads see one consistent snapshot, and each mutation
 * nests its own savepoint inside it (em.transactional), so a failed mutation leaves nothing behind.
 */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart({ contextValue }) {
        await contextValue.em.begin();
      },
      async willSendResponse({ contextValue }) {
        if (!contextValue.em.isInTransaction()) return;
        try {
          await contextValue.em.commit();
        } catch (error) {
          await contextValue.em.rollback().catch(() => undefined);
          throw error;
        }
      },
    };
  },
};
