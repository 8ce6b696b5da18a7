/**
 * API Gateway's error types. The SDK picks the exception class from the `x-amzn-ErrorType`
 * header and the message from the body's `message`, so both must match AWS.
 */
export type ApiGatewayErrorType =
  | 'BadRequestException'
  | 'ConflictException'
  | 'LimitExceededException'
  | 'NotFoundException'
  | 'ServiceUnavailableException'
  | 'TooManyRequestsException'
  | 'UnauthorizedException';

const statusOf: Record<ApiGatewayErrorType, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  NotFoundException: 404,
  ConflictException: 409,
  LimitExceededException: 429,
  TooManyRequestsException: 429,
  ServiceUnavailableException: 503,
};

export class ApiGatewayError extends Error {
  readonly status: number;

  constructor(
    readonly type: ApiGatewayErrorType,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = type;
    this.status = statusOf[type];
  }
}

export const badRequest = (message: string) => new ApiGatewayError('BadRequestException', message);
export const notFound = (message: string) => new ApiGatewayError('NotFoundException', message);
export const conflict = (message: string) => new ApiGatewayError('ConflictException', message);
export const limitExceeded = (message: string) =>
  new ApiGatewayError('LimitExceededException', message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiGatewayError('TooManyRequestsException', 'Too Many Requests', retryAfterSeconds);
