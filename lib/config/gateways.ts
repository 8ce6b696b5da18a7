import { z } from 'zod';

/**
 * The API Gateway "gateways" the catalog reads: one per account and Region. The first is the
 * home gateway, in the portal's own account and Region (the one `AWS_REGION` names): every
 * customer key is made there first, and a portal plan is a usage plan there. A usage plan of
 * the same name in another gateway extends that plan to its API stages; the customer's key is
 * copied there with the same value.
 */
export const gatewayEntrySchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  /** Another account's API Gateway, reached through this role (sts:AssumeRole). */
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/)
    .optional(),
  /** Local mode only: the control-plane endpoint of an emulator standing for this Region. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
});

export const gatewaySchema = gatewayEntrySchema.extend({
  /** Stable name of the gateway, recorded on read-model items: `region` or `account/region`. */
  id: z.string(),
});
export type Gateway = z.infer<typeof gatewaySchema>;

const accountOf = (roleArn: string) => roleArn.split(':')[4];

export const gatewayId = (entry: z.infer<typeof gatewayEntrySchema>) =>
  entry.roleArn ? `${accountOf(entry.roleArn)}/${entry.region}` : entry.region;

/**
 * `PORTICO_GATEWAYS`: a JSON list of `{region, roleArn?, endpoint?}`. Unset, the portal reads
 * the single home Region, as it always did.
 */
export function gatewaysVariable(
  home: { region: string; endpoint?: string },
  mode: 'local' | 'aws',
) {
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, context) => {
      if (!raw) return [{ id: home.region, ...home }];
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        context.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
      const parsed = z.array(gatewayEntrySchema).min(1).safeParse(json);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: parsed.error.message });
        return z.NEVER;
      }
      if (mode === 'aws' && parsed.data.some((entry) => entry.endpoint)) {
        context.addIssue({ code: 'custom', message: 'endpoints are for local mode' });
        return z.NEVER;
      }
      const [first, ...others] = parsed.data;
      if (!first || first.region !== home.region || first.roleArn) {
        context.addIssue({ code: 'custom', message: 'the first gateway must be the home Region' });
        return z.NEVER;
      }
      const gateways = [
        { ...first, id: gatewayId(first), endpoint: first.endpoint ?? home.endpoint },
        ...others.map((entry) => ({ ...entry, id: gatewayId(entry) })),
      ];
      if (new Set(gateways.map((gateway) => gateway.id)).size !== gateways.length) {
        context.addIssue({ code: 'custom', message: 'a gateway is listed twice' });
        return z.NEVER;
      }
      return gateways;
    });
}

/**
 * The deployment's list of gateways besides its own Region (infra's `gateways` setting): no
 * endpoints, each listed once; undefined when malformed.
 */
export function otherGateways(value: unknown): { region: string; roleArn?: string }[] | undefined {
  const parsed = z.array(gatewayEntrySchema.omit({ endpoint: true })).safeParse(value);
  if (!parsed.success) return undefined;
  const ids = parsed.data.map(gatewayId);
  return new Set(ids).size === ids.length ? parsed.data : undefined;
}
