import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { apiLinkTarget } from '@/lib/guides/guide';

/** `api:{slug}#{operationId}` links become docs addresses; every other URL is checked as usual. */
const guideUrlTransform = (url: string) => apiLinkTarget(url) ?? defaultUrlTransform(url);

/**
 * API descriptions come from whoever wrote the OpenAPI document, guides from admins: both are
 * held to one standard. react-markdown never renders raw HTML and drops unsafe URLs
 * (javascript:, data:), so neither can inject script. Guides may also link to an operation.
 */
export function Markdown({ children, apiLinks = false }: { children: string; apiLinks?: boolean }) {
  return (
    <div className="prose-portico space-y-3 leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-sm dark:[&_code]:bg-slate-800 [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-4 [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-100 [&_pre]:p-3 dark:[&_pre]:bg-slate-800 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={apiLinks ? guideUrlTransform : defaultUrlTransform}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
