import { describe, expect, it } from 'vitest';
import { externalRefMessage, findExternalRefs, withoutExternalRefs } from './external-refs';

const document = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets': {
      get: {
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': { schema: { $ref: 'https://evil.example/pet.json#/Pet' } },
            },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: 'common.yaml#/parameters/limit' }],
      },
    },
  },
  components: {
    responses: { NotFound: { description: 'Not found' } },
    schemas: { Tag: { properties: { id: { $ref: '//evil.example/id.json' } } } },
  },
};

describe('findExternalRefs', () => {
  it('locates every $ref that is not within the document, with its JSON pointer', () => {
    expect(findExternalRefs(document)).toEqual([
      {
        pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
        ref: 'https://evil.example/pet.json#/Pet',
      },
      { pointer: '/paths/~1pets/get/parameters/0/$ref', ref: 'common.yaml#/parameters/limit' },
      { pointer: '/components/schemas/Tag/properties/id/$ref', ref: '//evil.example/id.json' },
    ]);
    expect(findExternalRefs(document, 1)).toHaveLength(1);
  });

  it('says where and what to do', () => {
    const [first] = findExternalRefs(document);
    expect(first && externalRefMessage(first)).toMatch(
      /^External \$ref at \/paths\/~1pets\/get\/responses\/200\/.*"https:\/\/evil\.example\/pet\.json#\/Pet"/,
    );
  });
});

describe('withoutExternalRefs', () => {
  it('removes external references and keeps local ones', () => {
    const served = withoutExternalRefs(document);
    expect(findExternalRefs(served)).toEqual([]);
    expect(JSON.stringify(served)).toContain('"$ref":"#/components/responses/NotFound"');
    expect(served.paths['/pets'].get.responses['200'].content['application/json'].schema).toEqual({
      description:
        'Removed: an external reference (https://evil.example/pet.json#/Pet) the portal does not serve.',
    });
    expect(document.components.schemas.Tag.properties.id).toEqual({
      $ref: '//evil.example/id.json',
    });
  });
});
