import { z } from 'zod';

/**
 * Portico's own view of API Gateway's resources. Every answer is reshaped into these in
 * lib/gateway (./reshape), so nothing past it sees the SDK's all-optional wire shapes.
 */
const tagsSchema = z.record(z.string(), z.string());

export const gatewayKeySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  customerId: z.string().optional(),
  enabled: z.boolean(),
  /** Epoch ms. */
  createdAt: z.number().optional(),
  tags: tagsSchema,
});
export type GatewayKey = z.infer<typeof gatewayKeySchema>;

export const apiStageSchema = z.object({ apiId: z.string(), stage: z.string() });
export type ApiStage = z.infer<typeof apiStageSchema>;

export const throttleSchema = z.object({
  rateLimit: z.number().optional(),
  burstLimit: z.number().optional(),
});

export const quotaSettingsSchema = z.object({
  limit: z.number().optional(),
  period: z.string().optional(),
  offset: z.number().optional(),
});

/**
 * The gateway (lib/config/gateways) a read-model item belongs to: absent for home, so a
 * single-Region installation's records are what they always were.
 */
const gatewayField = z.string().optional();

/** A usage plan of another gateway that extends a home plan (same name): lib/gateway/plan-links. */
export const planLinkSchema = z.object({ gateway: z.string(), id: z.string() });
export type PlanLink = z.infer<typeof planLinkSchema>;

export const gatewayPlanSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  apiStages: z.array(apiStageSchema),
  throttle: throttleSchema.optional(),
  quota: quotaSettingsSchema.optional(),
  tags: tagsSchema,
  gateway: gatewayField,
  /** On the portal's view of a home plan only: its namesakes in other gateways. */
  linked: z.array(planLinkSchema).optional(),
});
export type GatewayPlan = z.infer<typeof gatewayPlanSchema>;

export const gatewayRestApiSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  version: z.string().optional(),
  apiKeySource: z.enum(['HEADER', 'AUTHORIZER']).optional(),
  gateway: gatewayField,
});
export type GatewayRestApi = z.infer<typeof gatewayRestApiSchema>;

/** One JSON-patch step of an update, as API Gateway takes them. */
export const patchOperationSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.string(),
  value: z.string().optional(),
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;

/** GetUsage's answer: `[used, remaining]` per day from `startDate`, by key id. */
export type UsageItems = Record<string, number[][]>;
