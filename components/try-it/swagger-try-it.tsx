'use client';

import type { ComponentType } from 'react';
import { apiKeySchemeName } from '@/lib/gateway/api-document';
import type { SwaggerResponse } from './console-answer';
import { TryItResult } from './try-it-result';

/** Immutable.js values as swagger-ui stores its state; only what is read here. */
interface ImmutableLike {
  toJS(): unknown;
  getIn(path: string[]): unknown;
}
interface SwaggerSystem {
  authSelectors: { authorized(): ImmutableLike | undefined };
}

type LiveResponseProps = { response?: ImmutableLike };

/** Replaces swagger-ui's live response panel with the console's own. */
export const tryItPlugin = () => ({
  wrapComponents: {
    liveResponse: (_original: ComponentType<LiveResponseProps>, system: SwaggerSystem) =>
      function LiveTryItResult({ response }: LiveResponseProps) {
        if (!response) return null;
        const pasted = system.authSelectors.authorized()?.getIn([apiKeySchemeName, 'value']);
        return (
          <TryItResult
            response={response.toJS() as SwaggerResponse}
            pastedKey={typeof pasted === 'string' && pasted ? pasted : undefined}
          />
        );
      },
  },
});
