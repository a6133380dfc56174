/** A topic belongs only to a classroom lesson: drop one left over from changing the category. */
export function withoutStrayTopic<T extends Record<string, unknown>>(data: T): T {
  return data.category === 'CLASSROOM_INSTRUCTION' ? data : { ...data, topic: null };
}
