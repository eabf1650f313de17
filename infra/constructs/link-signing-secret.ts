import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { LINK_SECRET_ARN } from '../../shared/platform/config/common-settings.ts';
import type { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';

/** The HMAC key that signs the links in emails (questionnaire, unsubscribe, complaint handling). */
export class LinkSigningSecret extends StackPart {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'LinkSigningSecret', {
      description: 'HMAC keys that sign questionnaire, unsubscribe and complaint links (rotate with `feedback rotate-link-key`)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Links in customers' inboxes live for months (unsubscribe links a year longer): deleting
      // or replacing the stack must not take their key with it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotated with `feedback rotate-link-key`, which adds a key to a keyring so links already emailed keep verifying; Secrets Manager rotation would replace the key and break every emailed questionnaire and unsubscribe link.',
    });
  }

  /** Lets `fn` sign and check links: the secret's ARN (LINK_SECRET_ARN) and read access to it. */
  connect(fn: ProductFunction): void {
    fn.setEnv(LINK_SECRET_ARN, this.secret.secretArn);
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }));
  }
}
