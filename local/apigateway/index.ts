export { startApiGatewayEmulator } from './server';
export type { EmulatorOptions, RunningEmulator } from './server';
export { awsControlPlaneRateLimit } from './control-plane/rate-limit';
export type { ControlPlaneRateLimit } from './control-plane/rate-limit';
export type { EmulatorContext } from './context';
export type { Clock } from './model/types';
export { CorruptStateError } from './store/state-file';
