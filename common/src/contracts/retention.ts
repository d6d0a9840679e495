// Retention (Art. 5(1)(e) DSGVO, storage limitation): one policy per data class, a preview of what a run would do, the run
// that does exactly that, and the record of every run (counts only, never the removed content).
import { z } from 'zod';
import { IsoDateTime, Uuid } from './primitives';

export const RetentionDataClass = z.enum([
  'inactive_contacts',
  'email_meeting_interactions',
  'note_chat_web_form_interactions',
  'read_audit',
  'consent_proofs',
]);
export type RetentionDataClass = z.infer<typeof RetentionDataClass>;

/** anonymise: the record stays with what statistics need, without what identifies anyone; delete: the record goes. */
export const RetentionAction = z.enum(['anonymise', 'delete']);
export type RetentionAction = z.infer<typeof RetentionAction>;

/** Which actions each class allows: a contact is always kept as an anonymous row (its account's figures count it). */
export const RETENTION_ACTIONS: Record<RetentionDataClass, readonly RetentionAction[]> = {
  inactive_contacts: ['anonymise'],
  email_meeting_interactions: ['anonymise', 'delete'],
  note_chat_web_form_interactions: ['anonymise', 'delete'],
  read_audit: ['delete'],
  consent_proofs: ['delete'],
};

export const RetentionPolicySetting = z
  .object({
    dataClass: RetentionDataClass,
    enabled: z.boolean(),
    /** How long after its reference date (see docs/PRIVACY.md) a record is kept. */
    periodMonths: z.number().int().min(1).max(1200),
    action: RetentionAction,
    /** The period runs from the end of the calendar year of the reference date, as HGB s.257(5), AO s.147(4) and BGB s.199 count. */
    fromEndOfYear: z.boolean(),
  })
  .strict();
export type RetentionPolicySetting = z.infer<typeof RetentionPolicySetting>;

/** The language of the policies' descriptions; without it the Accept-Language header decides (English when it names neither). */
export const RetentionPoliciesQuery = z.object({ lang: z.enum(['de', 'en']).optional() }).strict();
export type RetentionPoliciesQuery = z.infer<typeof RetentionPoliciesQuery>;

export const RetentionPoliciesUpdate = z
  .object({
    policies: z.array(RetentionPolicySetting).min(1),
    /** Run the enabled policies every night (02:30 UTC) without anyone pressing "run". */
    dailyRun: z.boolean(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.policies.forEach((policy, i) => {
      if (seen.has(policy.dataClass)) ctx.addIssue({ code: 'custom', path: ['policies', i, 'dataClass'], message: `${policy.dataClass} is listed twice` });
      seen.add(policy.dataClass);
      if (!RETENTION_ACTIONS[policy.dataClass].includes(policy.action)) {
        ctx.addIssue({
          code: 'custom',
          path: ['policies', i, 'action'],
          message: `must be ${RETENTION_ACTIONS[policy.dataClass].join(' or ')} for ${policy.dataClass}`,
        });
      }
    });
    for (const dataClass of RetentionDataClass.options) {
      if (!seen.has(dataClass)) ctx.addIssue({ code: 'custom', path: ['policies'], message: `must include ${dataClass}` });
    }
  });
export type RetentionPoliciesUpdate = z.infer<typeof RetentionPoliciesUpdate>;

export const RetentionPolicy = RetentionPolicySetting.extend({
  /** What the policy removes and what it keeps, and the legal reason for the period, in words. */
  removes: z.string(),
  keeps: z.string(),
  basis: z.string(),
  /** False where the class cannot be run yet (see docs/PRIVACY.md). */
  available: z.boolean(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const RetentionPolicies = z.object({
  policies: z.array(RetentionPolicy),
  dailyRun: z.boolean(),
  /** False until a CRM.Privacy or CRM.Admin saved the policies: the German defaults are shown, and nothing runs by itself. */
  saved: z.boolean(),
  updatedAt: IsoDateTime.nullable(),
  etag: z.string(),
});
export type RetentionPolicies = z.infer<typeof RetentionPolicies>;

export const RetentionPreviewRequest = z.object({}).strict();

export const RetentionRunRequest = z
  .object({
    /** The preview to carry out (its runId): a run does what its preview listed, nothing else. */
    runId: Uuid,
  })
  .strict();
export type RetentionRunRequest = z.infer<typeof RetentionRunRequest>;

const Counts = z.object({
  /** Records the preview found due. */
  planned: z.number().int(),
  /** Records the run anonymised or deleted so far. */
  done: z.number().int(),
  /** Records listed by the preview that were no longer due when the run reached them (restricted since, touched again). */
  skipped: z.number().int(),
});

export const RetentionRunPolicy = Counts.extend({ dataClass: RetentionDataClass, action: RetentionAction, cutoff: IsoDateTime });

/** planned: previewed, not started; running: a worker holds it; paused: stopped part-way, run it again to resume. */
export const RetentionRunStatus = z.enum(['planned', 'running', 'paused', 'completed']);

export const RetentionRun = z.object({
  runId: Uuid,
  status: RetentionRunStatus,
  trigger: z.enum(['manual', 'daily']),
  /** The instant the periods are counted back from; the same for preview and run. */
  asOf: IsoDateTime,
  createdBy: Uuid.nullable(),
  createdAt: IsoDateTime,
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  policies: z.array(RetentionRunPolicy),
  /** done + skipped over planned, 0 to 100. */
  progress: z.number().int(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

/** One record a preview found due, to let the officer check the policy before running it. */
const SampleRecord = z.object({ id: z.string(), label: z.string(), date: IsoDateTime });

export const RetentionPreview = RetentionRun.extend({
  samples: z.array(z.object({ dataClass: RetentionDataClass, records: z.array(SampleRecord) })),
});
export type RetentionPreview = z.infer<typeof RetentionPreview>;

export const RetentionRunList = z.object({ items: z.array(RetentionRun) });
