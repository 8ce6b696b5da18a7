import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { writePlaceholderOutput } from '../lib/open-next-output';
import { PorticoStack } from '../lib/portico-stack';
import { readSettings } from '../lib/settings';

/**
 * Synthesizes the stack the way `npm run synth` does, for a stand-in account, with a
 * placeholder in place of the OpenNext build. `bundle: false` skips esbuild for tests that
 * only look at the template.
 */
export function synth(
  context: Record<string, unknown> = {},
  { bundle = false, region = 'eu-west-1' } = {},
): Template {
  return synthTo(mkdtempSync(join(tmpdir(), 'portico-cdk-')), context, bundle, region);
}

export function synthTo(
  outdir: string,
  context: Record<string, unknown>,
  bundle: boolean,
  region = 'eu-west-1',
) {
  const app = new App({
    outdir,
    context: bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new PorticoStack(app, 'Portico', {
    settings: readSettings((key) => context[key]),
    output: writePlaceholderOutput(join(outdir, 'open-next')),
    env: { account: '111111111111', region },
  });
  return Template.fromStack(stack);
}

export interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
}

/** Every statement of every IAM policy in the template, with the policy's logical id. */
export function policyStatements(template: Template): { policy: string; statement: Statement }[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.entries(policies).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({
      policy,
      statement,
    })),
  );
}

export const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** A resource as text, with CloudFormation's Fn::Join flattened: `${Ref}` for references. */
export function resourceText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  if (resource && typeof resource === 'object') {
    const value = resource as Record<string, unknown>;
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(resourceText).join(separator);
    }
    if ('Ref' in value) return `\${${String(value.Ref)}}`;
    if ('Fn::GetAtt' in value) return `\${${(value['Fn::GetAtt'] as string[]).join('.')}}`;
  }
  return JSON.stringify(resource);
}

export const resourcesOf = (statement: Statement): string[] =>
  (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(resourceText);
