import type { CatalogEntry } from '../gateway/catalog-model';
import type { OperationGroup } from '../gateway/operations';
import type { PublishedGuide } from '../guides/guide';

const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * `/llms.txt` (llmstxt.org): what one reader may use, as links a coding assistant can follow.
 * Built from the same audience-filtered lists as the pages, so it names nothing they may not see.
 */
export function llmsIndex(origin: string, apis: CatalogEntry[], guides: PublishedGuide[]): string {
  const lines = [
    '# API portal',
    '',
    '> The APIs and guides of this portal. Each API links to a Markdown rendition of its reference.',
    '',
    '## APIs',
    '',
    ...apis.map(
      (api) =>
        `- [${oneLine(api.name)}](${origin}/apis/${api.slug}/llms.md)${api.description ? `: ${oneLine(api.description)}` : ''}`,
    ),
  ];
  if (guides.length > 0)
    lines.push(
      '',
      '## Guides',
      '',
      ...guides.map((g) => `- [${oneLine(g.title)}](${origin}/guides/${g.slug})`),
    );
  return `${lines.join('\n')}\n`;
}

/** One API reference as Markdown: base URL, authentication and every operation. */
export function apiMarkdown(
  origin: string,
  api: CatalogEntry,
  details: { baseUrl?: string; authentication?: string; groups: OperationGroup[] },
): string {
  const lines = [
    `# ${oneLine(api.name)}`,
    '',
    ...(api.description ? [api.description.trim(), ''] : []),
    `- Base URL: ${details.baseUrl ?? 'not deployed'}`,
    `- Authentication: ${oneLine(details.authentication) || 'as the OpenAPI document describes'}`,
    `- OpenAPI document: ${origin}/apis/${api.slug}/download?format=yaml`,
  ];
  for (const group of details.groups) {
    lines.push('', `## ${oneLine(group.tag)}`);
    for (const operation of group.operations) {
      lines.push('', `### ${operation.method} ${operation.path}`);
      if (operation.operationId) lines.push('', `Operation id: \`${operation.operationId}\``);
      if (operation.summary) lines.push('', oneLine(operation.summary));
      lines.push('', operation.requiresKey ? 'Needs an API key.' : 'No key needed.');
    }
  }
  return `${lines.join('\n')}\n`;
}
