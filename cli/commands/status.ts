import { defineCommand, EXIT } from '../frame.ts';

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'show where the pipeline runs: the local stack’s URLs, or a deployed stack’s outputs',
  usage: 'feedback status [--stack NAME] [--region REGION]',
  options: {},
  runsOnStack: true,
  async run({ out, target }) {
    const stack = await target();
    if (stack.kind === 'local') {
      out(`Local stack (pid ${stack.run.pid}, since ${stack.run.startedAt})`);
      out(`API: ${stack.run.apiUrl}`);
      out(`Inbox: ${stack.run.inboxUrl}`);
      if (stack.run.dashboardUrl) out(`Dashboard (head of service): ${stack.run.dashboardUrl}`);
      if (stack.run.receiverUrl) out(`Webhook receiver: ${stack.run.receiverUrl}`);
      out(`DynamoDB Local: ${stack.run.dynamodbEndpoint}, table ${stack.run.tableName}`);
    } else {
      out(`Stack ${stack.stackName}`);
      for (const [key, value] of Object.entries(stack.outputs)) out(`${key}: ${value}`);
    }
    return EXIT.done;
  },
});
