/** Names of the stack outputs; the CLI reads a deployed stack through them. */
export const OUTPUTS = {
  apiUrl: 'ApiUrl',
  tableName: 'TableName',
  sendQueueUrl: 'SendQueueUrl',
  plannerFunctionName: 'PlannerFunctionName',
  configurationSetName: 'ConfigurationSetName',
} as const;
