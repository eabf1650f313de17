import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ADMIN_CATCH_ALL_PATH, type RouteDefinition } from '../../shared/platform/web/routes.ts';
import { ApiCustomDomain, type CustomDomainConfig } from './api-custom-domain.ts';
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
  /** The business's own hostname for the API. @default none: links use the execute-api address */
  readonly customDomain?: CustomDomainConfig | undefined;
}

/**
 * The public HTTP API: questionnaire pages, unsubscribe and complaint handling from emailed
 * links, and IAM-authorised admin routes; one `$default` stage, throttled and access-logged.
 */
export class FeedbackHttpApi extends StackPart {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** What every emailed link starts with: the custom domain, or the stage's execute-api URL. */
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
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(this.accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = props.customDomain ? new ApiCustomDomain(this, 'Domain', { config: props.customDomain, api: this.api, stage: this.stage }).url : this.stage.url;
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
    // Any other method or spelling of an admin path (HEAD, a percent-encoded letter) would
    // otherwise fall through to the public catch-all: under /admin, every request needs IAM.
    this.api.addRoutes({ path: ADMIN_CATCH_ALL_PATH, methods: [apigw.HttpMethod.ANY], integration, authorizer: iamAuthorizer });
    // Everything else reaches the app too: the form's script, and the 404 page for unknown paths.
    const [fallback] = this.api.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    Validations.of(fallback!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Catch-all route: serves the questionnaire form\'s static script and the 404 page for unknown paths. It reads and writes no data; admin paths never reach it (/admin/{proxy+} is IAM-authorised, and the app refuses /admin/* without IAM).',
    });
  }
}

/**
 * One JSON line per request: which route, its status, latency and any integration error.
 * Never the path or query (they carry signed link tokens) nor the caller's IP address.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationStatus: '$context.integrationStatus',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
    authorizerError: '$context.authorizer.error',
    responseLength: '$context.responseLength',
  }),
);
