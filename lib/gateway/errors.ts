/** API Gateway's error names, as the SDK sets them from `x-amzn-ErrorType`. */
export const isNotFound = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'NotFoundException';

/** undefined for a resource that does not exist (any more); other failures propagate. */
export async function orUndefinedIfMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
