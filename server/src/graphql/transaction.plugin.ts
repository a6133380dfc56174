import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context';
import { enterRowSecurity } from '../common/row-security';

/**
 * Every operation runs in one database transaction: reads see one consistent snapshot, each mutation nests its
 * own savepoint inside it (em.transactional), so a failed mutation leaves nothing behind, and a signed-in
 * actor's transaction runs under row-level security.
 */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart({ contextValue }) {
        await contextValue.em.begin();
        if (contextValue.actor) await enterRowSecurity(contextValue.em, contextValue.actor);
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
