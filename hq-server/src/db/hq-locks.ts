/**
 * PostgreSQL advisory lock keys that coordinate several HQ processes on one database (7301 to 7303
 * are the per-chain locks of sync numbering, device numbering and report outputs).
 */
export const HQ_LOCKS = {
  /** Class of the one migrations lock. */
  classId: 7310,
  migrations: 1,
  /**
   * Held by a fold of the chain's product changes, the first fill of the franchisees' roll-up, and
   * migration 0042's trigger moving a store's months between franchisees, so none of them sees the
   * others half done.
   */
  rollUpFold: 2,
  /** Class of the scheduled jobs' locks, one per job by `hashtext(job name)`. */
  jobClassId: 7311,
} as const;
