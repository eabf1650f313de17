import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/platform/web/routes.ts';
import { StackPart } from './stack-part.ts';

export interface FeedbackHttpApiProps {
  /** Serves every route, and every other path (with the product's 404 page). */
  readonly handler: lambda.IFunction;
  /** One API Gateway route each; `iam` routes require SigV4, `public` ones carry a signed token. */
  readonly routes: Readonly<Record<string, RouteDefinition>>;
  /** How long the access logs are kept. */
  readonly logRetention: logs.RetentionDays;
  /** Requests per second for the whole stage, sustained and in a burst. @default 50 and 100 */
  readonly throttle?: apigw.ThrottleSettings;
}

/**
 * The public HTTP API: questionnaire pages, unsubscribe and complaint handling from emailed
 * links, and IAM-authorised admin routes; one `$default` stage, throttled and access-logged.
 */
export class FeedbackHttpApi extends StackPart {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The stage's URL, which every emailed link starts with. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: FeedbackHttpApiProps) {
    super(scope, id);
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };
    if ([throttle.rateLimit, throttle.burstLimit].some((limit) => limit !== undefined && !(limit > 0))) {
      throw new Error(`${id}: a throttle limit must be positive, or every request is refused`);
    }
    this.accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Questionnaire pages, unsubscribe, and IAM-authorised admin routes',
      createDefaultStage: false,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(this.accessLogs) },
    });
    this.url = this.stage.url;
    this.addRoutes(props.handler, props.routes);
  }

  private addRoutes(handler: lambda.IFunction, routes: Readonly<Record<string, RouteDefinition>>): void {
    const integration = new HttpLambdaIntegration('HttpApiIntegration', handler);
    const iamAuthorizer = new HttpIamAuthorizer();
    for (const [id, route] of Object.entries(routes)) {
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        ...(route.access === 'iam' ? { authorizer: iamAuthorizer } : {}),
      });
      if (route.access === 'public') {
        Validations.of(created!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${id} is opened by customers from an email; each request is authorised by the HMAC-signed token in its path, not by an AWS identity.`,
        });
      }
    }
    // Everything else reaches the app too, so an unknown path gets the product's 404 page.
    const [fallback] = this.api.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    Validations.of(fallback!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Catch-all route that only renders the 404 page; it reads and writes nothing.',
    });
  }
}
