// How large a plan may be: the plan's validator refuses a larger one when it is saved, and the
// watch refuses a plan.get reply larger than the reply limit. Both ends read the numbers here.

/** Plans carry custom routines; the watch refuses a plan.get reply larger than this. */
export const MAX_PLAN_REPLY_BYTES = 64 * 1024;
/**
 * The largest plan (as JSON) the phone may save: the reply adds `{"plan":…,"prefs":…}` around it
 * (prefs are ~150 bytes), so a saved plan always fits the reply the watch accepts. validatePlan
 * enforces it, so the Settings App refuses an over-limit plan when it is saved, with the reason.
 */
export const MAX_PLAN_BYTES = MAX_PLAN_REPLY_BYTES - 1024;
