import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * API descriptions come from whoever wrote the OpenAPI document. react-markdown never renders
 * raw HTML and drops unsafe URLs (javascript:, data:), so a description cannot inject script.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-portico space-y-3 leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-sm dark:[&_code]:bg-slate-800 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
