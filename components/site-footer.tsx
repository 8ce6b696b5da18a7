export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600 sm:px-6 dark:text-slate-400">
        <p>
          Powered by Portico, the open-source developer portal for Amazon API Gateway, self-hosted
          by the team behind these APIs.
        </p>
      </div>
    </footer>
  );
}
