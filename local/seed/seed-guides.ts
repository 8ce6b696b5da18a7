import type { GuideContent } from '../../lib/guides/guide';

/** The guide every fresh local stack starts with, so /guides has something to read. */
export const seedGuideId = '00000000-0000-4000-8000-0000000000a1';

export const seedGuide: GuideContent = {
  title: 'Getting started',
  slug: 'getting-started',
  order: 1,
  audience: { kind: 'public' },
  body: [
    'Three steps from here to your first successful call.',
    '',
    '1. **Sign up** and confirm your email.',
    '2. **Subscribe** to a plan on the [plans page](/plans): your API key is on your dashboard.',
    '3. **Call** an operation, for example [the forecast of a city](api:weather#getForecast),',
    '   with your key in the `x-api-key` header:',
    '',
    '```sh',
    'curl -H "x-api-key: $KEY" "$BASE_URL/cities/paris/forecast"',
    '```',
    '',
    'A `403` means the key is missing or not in a plan for this API; a `429` that you went over',
    "your plan's rate or quota.",
  ].join('\n'),
};
