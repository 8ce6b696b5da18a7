import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// The same for every visitor (the header's account part comes from /api/viewer): prerendered,
// served with s-maxage, and rendered again after this TTL.
export const revalidate = 300;
export const dynamic = 'force-static';

const steps = [
  {
    title: 'Browse the catalog',
    body: 'Read every API’s reference documentation and download its OpenAPI spec. No account needed.',
  },
  {
    title: 'Subscribe to a plan',
    body: 'Pick the plan whose rate limit and quota fit your project, and get an API key.',
  },
  {
    title: 'Try it in the page',
    body: 'Call the endpoints from their documentation with your key and see the real responses.',
  },
  {
    title: 'Watch your usage',
    body: 'See how many calls you made each day and how much quota is left, then upgrade when you need more.',
  },
];

export default function HomePage() {
  return (
    <div className="space-y-16">
      <section aria-labelledby="intro" className="max-w-3xl space-y-6 pt-6 sm:pt-12">
        <h1 id="intro" className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          Everything you need to build on our APIs
        </h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">
          This developer portal is where you find our APIs, read their documentation, get an API key
          and keep an eye on how much of your plan you use.
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/apis">Browse the APIs</ButtonLink>
          <ButtonLink href="/plans" variant="secondary">
            Compare plans
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="how" className="space-y-6">
        <h2 id="how" className="text-2xl font-semibold tracking-tight">
          How it works
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {steps.map((step, index) => (
            <Card as="li" key={step.title} className="space-y-2">
              <p
                aria-hidden="true"
                className="flex size-8 items-center justify-center rounded-full bg-indigo-50 text-sm font-bold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
              >
                {index + 1}
              </p>
              <h3 className="font-semibold">{step.title}</h3>
              <p className="text-sm text-slate-600 dark:text-slate-300">{step.body}</p>
            </Card>
          ))}
        </ol>
      </section>

      <p className="text-slate-600 dark:text-slate-300">
        Already subscribed?{' '}
        <Link
          href="/dashboard"
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Go to your dashboard
        </Link>{' '}
        for your API key and usage.
      </p>
    </div>
  );
}
