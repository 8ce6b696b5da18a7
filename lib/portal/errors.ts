/** A refusal the customer or admin should read as is: the UI shows `message` verbatim. */
export class PortalError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'not-found'
      | 'needs-approval'
      | 'already-subscribed'
      | 'pending-exists'
      | 'already-decided'
      | 'no-key'
      | 'forbidden'
      | 'invalid'
      /** A change failed part-way and was undone (or will be repaired): trying again is safe. */
      | 'failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PortalError';
  }
}
