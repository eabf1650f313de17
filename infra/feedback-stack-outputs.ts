/** Names of the stack outputs; the CLI reads a deployed stack through them. */
export const OUTPUTS = {
  apiUrl: 'ApiUrl',
  tableName: 'TableName',
  sendQueueUrl: 'SendQueueUrl',
  plannerFunctionName: 'PlannerFunctionName',
  digestFunctionName: 'DigestFunctionName',
  /** Runs the complaint sweep (`feedback run sweepComplaints --stack NAME`). */
  complaintsFunctionName: 'ComplaintsFunctionName',
  configurationSetName: 'ConfigurationSetName',
  /** Subscribe to it (email, chat, a pager) to hear the alarms; `alarmEmail` does that for one address. */
  alarmTopicArn: 'AlarmTopicArn',
  /** The link-signing keys: `feedback rotate-link-key --stack` adds one. */
  linkSecretArn: 'LinkSecretArn',
  /** The bus the domain events go to: add your own rules to it. */
  eventBusName: 'EventBusName',
  eventBusArn: 'EventBusArn',
} as const;
