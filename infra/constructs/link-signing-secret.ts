import { RemovalPolicy, Validations } from 'aws-cdk-lib';
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
      description: 'HMAC key that signs questionnaire and unsubscribe links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Links in customers' inboxes live for months (unsubscribe links a year longer): deleting
      // or replacing the stack must not take their key with it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the link-signing key would invalidate every questionnaire and unsubscribe link already emailed; links expire on their own instead.',
    });
  }

  /** Lets `fn` sign and check links: the secret's ARN (LINK_SECRET_ARN) and read access to it. */
  connect(fn: ProductFunction): void {
    fn.setEnv(LINK_SECRET_ARN, this.secret.secretArn);
    this.secret.grantRead(fn.role);
  }
}
