export function policyWith(
  scriptSources: string[],
  options?: { development?: boolean; https?: boolean },
): string;
export function scriptHash(text: string): string;
export function cachedPagePolicy(html: string, options?: { https?: boolean }): string;
