import { describe, expect, it } from 'vitest';
import { anonymousViewer, type AudienceViewer } from '../audiences/audience';
import type { PublishedGuide } from '../guides/guide';
import { gatewayEntry, genericEntry } from '../testing/catalog-entries';
import { summariseDocument } from './document-summary';
import { buildSearchIndex } from './search-index';
import { searchIndex } from './search-query';

const weather = gatewayEntry({
  name: 'Weather',
  description: 'Current **conditions** and [forecasts](https://example.test).',
  tags: ['Climate'],
});
const payments = gatewayEntry({
  name: 'Paiements',
  description: 'Créer des paiements',
  audience: { kind: 'groups', groups: ['partners'] },
});
const maps = genericEntry({ name: 'Maps', audience: { kind: 'signed-in' } });

const summaries = new Map([
  [
    weather.entry,
    summariseDocument({
      tags: [{ name: 'Forecasts' }],
      paths: {
        '/forecast/{city}': {
          get: { tags: ['Forecasts'], operationId: 'getForecast', summary: 'Five-day forecast' },
        },
        '/cities': { get: { summary: 'List the cities' } },
      },
      components: { schemas: { Forecast: { description: 'Days of weather' }, City: {} } },
    }),
  ],
  [
    payments.entry,
    summariseDocument({ paths: { '/payments': { post: { summary: 'Create a payment' } } } }),
  ],
  [maps.entry, summariseDocument({ paths: { '/tiles': { get: { summary: 'Map tiles' } } } })],
]);

const guide = (title: string, body: string, audience: PublishedGuide['audience']) => ({
  id: title,
  title,
  slug: title.toLowerCase().replace(/\W+/g, '-'),
  order: 0,
  body,
  audience,
  publishedAt: 1,
});
const guides = [
  guide(
    'Getting started',
    '# Welcome\n\nSend your key with every [forecast](api:weather#getForecast) request.',
    {
      kind: 'public',
    },
  ),
  guide('Partner onboarding', 'Payments for partners.', { kind: 'groups', groups: ['partners'] }),
];

const index = buildSearchIndex([weather, payments, maps], summaries, guides);
const partner: AudienceViewer = { signedIn: true, isAdmin: false, groups: ['partners'] };
const customer: AudienceViewer = { signedIn: true, isAdmin: false, groups: [] };
const admin: AudienceViewer = { signedIn: true, isAdmin: true, groups: [] };
const titles = (query: string, viewer: AudienceViewer = anonymousViewer) =>
  searchIndex(index, query, viewer).map((result) => result.title);

describe('searchIndex ranking', () => {
  it('puts a title that is the query first, then titles that start with it', () =>
    expect(titles('forecast')).toEqual([
      'Forecast',
      'GET /forecast/{city}',
      'Weather',
      'Getting started',
    ]));
  it('matches every word, across title and detail', () =>
    expect(titles('five day forecast')).toEqual(['GET /forecast/{city}']));
  it('finds an operation by method and path', () =>
    expect(titles('get /cities')).toEqual(['GET /cities']));
  it('finds an operation by its id and tag', () => {
    // The operation's own id ranks it above a guide that links to it.
    expect(titles('getforecast')).toEqual(['GET /forecast/{city}', 'Getting started']);
    expect(titles('forecasts')).toEqual(['Weather', 'GET /forecast/{city}']);
  });
  it("finds an API by its tags, and its operations by the API's name", () => {
    expect(titles('climate')).toEqual(['Weather']);
    expect(titles('weather')).toEqual([
      'Weather',
      'Getting started',
      'GET /cities',
      'GET /forecast/{city}',
      'City',
      'Forecast',
    ]);
  });
  it('ignores case and accents', () => expect(titles('CREER', partner)).toEqual(['Paiements']));
  it('finds guides by their body', () => expect(titles('welcome')).toEqual(['Getting started']));
  it('answers nothing to an empty query or an unknown word', () => {
    expect(titles('   ')).toEqual([]);
    expect(titles('zebra')).toEqual([]);
  });
  it('answers at most the limit', () => expect(searchIndex(index, 'e', admin, 3)).toHaveLength(3));
});

describe('searchIndex links', () => {
  const first = (query: string) => searchIndex(index, query, anonymousViewer)[0];
  it("links an operation to its anchor on the API's docs page", () => {
    expect(first('getforecast')).toMatchObject({
      kind: 'operation',
      href: '/apis/weather#op-getForecast',
      detail: 'Five-day forecast',
      context: 'Weather',
    });
    expect(first('get /cities')?.href).toBe('/apis/weather#op-get-cities');
  });
  it('shows Markdown descriptions as plain text', () =>
    expect(first('climate')).toEqual({
      kind: 'api',
      title: 'Weather',
      detail: 'Current conditions and forecasts.',
      href: '/apis/weather',
    }));
  it('links schemas to the reference and guides to their page', () => {
    expect(first('city')?.href).toBe('/apis/weather#reference');
    expect(first('welcome')?.href).toBe('/guides/getting-started');
  });
});

describe('searchIndex audiences', () => {
  it('shows anonymous visitors public items only', () => {
    expect(titles('payment')).toEqual([]);
    expect(titles('tiles')).toEqual([]);
    expect(titles('partner')).toEqual([]);
  });
  it('shows signed-in customers what is for everyone signed in, not named audiences', () => {
    expect(titles('tiles', customer)).toEqual(['GET /tiles']);
    expect(titles('payment', customer)).toEqual([]);
  });
  it("shows an audience's members its APIs, operations and guides", () => {
    expect(titles('payment', partner)).toEqual(['POST /payments', 'Partner onboarding']);
    expect(titles('paiements', partner)).toEqual(['Paiements', 'POST /payments']);
  });
  it('shows admins everything', () => {
    expect(titles('payment', admin)).toEqual(['POST /payments', 'Partner onboarding']);
    expect(titles('tiles', admin)).toEqual(['GET /tiles']);
  });
});
