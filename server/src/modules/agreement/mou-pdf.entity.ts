import { Check, Entity, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { Mou } from './mou.entity';

/**
 * The signed PDF of an agreement, one per agreement, in a table of its own (mou_document): lists of agreements never
 * read it, and its row security keeps it from analysts. Read and written by SQL in mou-document.ts; mapped here
 * so that the schema and the policy tables know it.
 */
@Entity({ tableName: 'mou_document' })
@Check({ name: 'mou_document_size', expression: 'octet_length(content) >= 1 and octet_length(content) <= 10485760' })
@Check({
  name: 'mou_document_is_pdf',
  expression:
    "substring(content from 1 for 5) = '\\x255044462d'::bytea and position('\\x2525454f46'::bytea in substring(content from greatest(1, octet_length(content) - 1023))) > 0",
})
export class MouPdf {
  @OneToOne(() => Mou, { primary: true, ref: true, deleteRule: 'cascade', updateRule: 'cascade' })
  mou!: Ref<Mou>;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  uploadedAt: Date = new Date();
}
