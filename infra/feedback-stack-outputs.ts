/** Names of the stack outputs; the CLI reads a deployed stack through them. */
export const OUTPUTS = {
  apiUrl: 'ApiUrl',
  tableName: 'TableName',
  sendQueueUrl: 'SendQueueUrl',
  plannerFunctionName: 'PlannerFunctionName',
  digestFunctionName: 'DigestFunctionName',
  configurationSetName: 'ConfigurationSetName',
  /** Subscribe to it (email, chat, a pager) to hear the alarms; `alarmEmail` does that for one address. */
  alarmTopicArn: 'AlarmTopicArn',
  /** The bus the domain events go to: add your own rules to it. */
  eventBusName: 'EventBusName',
  eventBusArn: 'EventBusArn',
} as const;
