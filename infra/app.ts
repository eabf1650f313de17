import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FeedbackStack } from './feedback-stack.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { InvalidInputError } from '../shared/platform/config/zod-issues.ts';

/**
 * The CDK app. `-c config=FILE` switches the config file and `-c questionnaires=DIR` the
 * questionnaire folder. Questionnaires are validated here so an invalid one fails
 * `cdk synth`, naming the field.
 */
export function buildApp(app = new App()): App {
  const config = loadDeploymentConfig(app.node.tryGetContext('config') as string | undefined);
  const questionnaireDir = app.node.tryGetContext('questionnaires') as string | undefined;
  loadQuestionnaires(questionnaireDir);
  // The CDK CLI sets these from the profile it deploys with: the stack is then checked against that Region.
  const region = process.env['CDK_DEFAULT_REGION'];
  const account = process.env['CDK_DEFAULT_ACCOUNT'];
  new FeedbackStack(app, config.stackName, {
    config,
    ...(region ? { env: { region, ...(account ? { account } : {}) } } : {}),
    ...(questionnaireDir ? { questionnaireDir } : {}),
    description: 'Customer feedback pipeline: questionnaires, answers, complaints and digests',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildApp().synth();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
