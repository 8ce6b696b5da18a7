'use client';

import { Alert } from '@/components/ui/alert';
import { consoleAnswerOf, displayBody, type SwaggerResponse } from './console-answer';
import { SnippetTabs } from './snippet-tabs';

/** Long answers stay readable; the full text is one copy away. */
const maxShownCharacters = 100_000;

const statusTone = (status: number) =>
  status < 300
    ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
    : status < 500
      ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100'
      : 'bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100';

type Props = { response: SwaggerResponse; pastedKey?: string };

/**
 * Replaces swagger-ui's live response: the API's status, elapsed time, the explanation of API
 * Gateway's refusals, headers, body and snippets, or the portal's reason for not calling.
 */
export function TryItResult({ response, pastedKey }: Props) {
  const answer = consoleAnswerOf(response);
  if (answer.kind === 'failure')
    return (
      <Alert tone="error" title="No answer">
        {answer.message}
      </Alert>
    );
  if (answer.kind === 'problem') {
    const { problem } = answer;
    return (
      <div data-testid="try-it-problem">
        <Alert tone={problem.status >= 500 ? 'error' : 'warning'} title={problem.title}>
          {problem.detail}
        </Alert>
      </div>
    );
  }
  const { envelope } = answer;
  const body = displayBody(envelope);
  const headers = Object.entries(envelope.headers);

  return (
    <section
      aria-label="Response"
      data-testid="try-it-result"
      className="space-y-4 rounded-xl border border-slate-200 bg-slate-50 p-4 font-sans text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <p role="status" className="flex flex-wrap items-center gap-3">
        <span
          data-testid="try-it-status"
          className={`rounded-md px-2 py-1 font-mono text-sm font-semibold ${statusTone(envelope.status)}`}
        >
          {envelope.status} {envelope.statusText}
        </span>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          in {envelope.elapsedMs} ms · {envelope.request.method} {envelope.request.url}
        </span>
      </p>
      {envelope.explanation && (
        <div data-testid="try-it-explanation">
          <Alert tone="warning" title="What this means">
            {envelope.explanation}
          </Alert>
        </div>
      )}
      <div className="space-y-1">
        <h4 className="text-sm font-semibold">Body</h4>
        {envelope.bodyEncoding === 'base64' && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            A binary answer, shown as base64.
          </p>
        )}
        {body === '' ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">The answer has no body.</p>
        ) : (
          <pre className="max-h-96 overflow-auto rounded-md bg-white p-3 text-sm break-all whitespace-pre-wrap dark:bg-slate-900">
            <code data-testid="try-it-body">{body.slice(0, maxShownCharacters)}</code>
          </pre>
        )}
        {body.length > maxShownCharacters && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Showing the first {maxShownCharacters.toLocaleString('en-US')} characters.
          </p>
        )}
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">
          Headers ({headers.length})
        </summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="space-y-1">
        <h4 className="text-sm font-semibold">This call in code</h4>
        <SnippetTabs
          request={envelope.request}
          keySource={envelope.keySource}
          pastedKey={pastedKey}
        />
      </div>
    </section>
  );
}
