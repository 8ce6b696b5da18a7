/**
 * Admin forms tick each audience with a checkbox named `audience-group:{id}`: one field per
 * audience survives `Object.fromEntries(formData)`, where repeated names would not. Kept apart
 * from ./audience so client forms do not bundle zod for a name.
 */
export const audienceGroupFieldPrefix = 'audience-group:';

export const audienceGroupField = (id: string) => `${audienceGroupFieldPrefix}${id}`;
