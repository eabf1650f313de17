/**
 * The single table's key schema and indexes, defined once: the CDK stack creates the
 * table from this, the local stack creates the same table in DynamoDB Local, and the
 * storage modules build keys that fit it.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after this passes. */
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /**
     * Lists of one kind, sharded so no partition runs hot: contacts and staff to plan a wave
     * from (`CONTACTS#<shard>`, `STAFF#<shard>`), a wave's invitations
     * (`INVITATIONS#<questionnaire>#<wave>#<shard>`).
     */
    byList: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Lookups by an opaque id carried in links: an invitation by its random id. */
    byLinkId: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE_DESIGN.indexes;

/** All key attributes are strings. */
export const KEY_ATTRIBUTE_TYPE = 'S' as const;

/**
 * The shard count for list partitions. 16 shards spread a large contact list over
 * enough partitions that a planning run can read them in parallel without a hot key.
 */
export const LIST_SHARDS = 16;
