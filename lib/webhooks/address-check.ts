import { lookup } from 'node:dns/promises';
import { addressRefusal, urlRefusal, type UrlPolicy } from './url-policy';

/**
 * The registration check: the URL's form, then every address its host resolves to now.
 * Deliveries check again (DNS answers change); this one gives the admin a clear error early.
 */
export async function endpointUrlRefusal(
  raw: string,
  policy: UrlPolicy,
): Promise<string | undefined> {
  const refusal = urlRefusal(raw, policy);
  if (refusal) return refusal;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return `${host} could not be found in DNS.`;
  }
  for (const { address } of addresses) {
    const reason = addressRefusal(address, policy);
    if (reason) return `${host} resolves to ${address}: ${reason}`;
  }
  return undefined;
}
