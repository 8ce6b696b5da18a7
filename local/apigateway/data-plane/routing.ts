import type { Method, Resource } from '../model/types';

export interface MatchedMethod {
  resource: Resource;
  method: Method;
  pathParameters: Record<string, string>;
}

interface CompiledResource {
  resource: Resource;
  pattern: RegExp;
  names: string[];
  /** Literal resources win over `{param}` ones, which win over greedy `{proxy+}`. */
  rank: number;
}

function compile(resource: Resource): CompiledResource {
  const names: string[] = [];
  let rank = 0;
  const source = resource.path
    .split('/')
    .map((part) => {
      const greedy = part.match(/^\{(.+)\+\}$/);
      if (greedy?.[1]) {
        names.push(greedy[1]);
        rank += 1000;
        return '(.+)';
      }
      const label = part.match(/^\{(.+)\}$/);
      if (label?.[1]) {
        names.push(label[1]);
        rank += 1;
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { resource, pattern: new RegExp(`^${source === '' ? '/' : source}/?$`), names, rank };
}

/**
 * A path parameter, percent-decoded; a malformed escape (`%E0%A4%A`) is kept as sent, since
 * decodeURIComponent throws on it and a throw while routing would end the emulator.
 */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Method lookup for one deployment's resources (deployments never change once made). */
export class DeploymentRoutes {
  private readonly compiled: CompiledResource[];
  /**
   * Resources without parameters, by path. They rank first, and their pattern matches only
   * their path, with or without a trailing slash (resource paths never end in one, the root
   * aside), so a map read finds the one a scan of the patterns would, without running them.
   */
  private readonly literals = new Map<string, Resource>();

  constructor(resources: Resource[]) {
    this.compiled = resources.map(compile).sort((a, b) => a.rank - b.rank);
    for (const { resource, names } of this.compiled) {
      if (names.length === 0) this.literals.set(resource.path, resource);
    }
  }

  match(httpMethod: string, path: string): MatchedMethod | undefined {
    const literal =
      this.literals.get(path) ??
      (path.length > 1 && path.endsWith('/') ? this.literals.get(path.slice(0, -1)) : undefined);
    const literalMethod = literal?.resourceMethods[httpMethod] ?? literal?.resourceMethods.ANY;
    if (literal && literalMethod)
      return { resource: literal, method: literalMethod, pathParameters: {} };
    for (const candidate of this.compiled) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      const method =
        candidate.resource.resourceMethods[httpMethod] ?? candidate.resource.resourceMethods.ANY;
      if (!method) continue;
      const pathParameters: Record<string, string> = {};
      for (let index = 0; index < candidate.names.length; index += 1) {
        pathParameters[candidate.names[index]!] = decoded(match[index + 1] ?? '');
      }
      return { resource: candidate.resource, method, pathParameters };
    }
    return undefined;
  }
}
